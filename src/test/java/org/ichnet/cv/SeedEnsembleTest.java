package org.ichnet.cv;

import org.ichnet.cli.BundledSample;
import org.ichnet.data.DataException;
import org.ichnet.model.PaperModels;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.reproduce.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A seed ensemble and a single cross-validation never write into each other's folder. */
class SeedEnsembleTest {
    private static final ExperimentSettings SETTINGS =
            ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.PAPER).quick().withSize(32);
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void aSingleCrossValidationsFolderIsRefused(@TempDir Path dir) {
        RunConfig.save(dir, BundledSample.locate(), SETTINGS);
        DataException e = assertThrows(DataException.class, () -> new SeedEnsemble(QUIET, false)
                .run(BundledSample.locate(), dir, SETTINGS, 3, List.of(1L, 2L)));
        assertTrue(e.getMessage().contains("holds a single cross-validation"), e.getMessage());
    }

    @Test
    void aSeedEnsemblesFolderIsRefusedByASingleCrossValidation(@TempDir Path dir) throws Exception {
        Files.createDirectories(SeedEnsemble.seedDir(dir, 42));
        DataException e = assertThrows(DataException.class, () -> new CrossValidation(QUIET, false)
                .run(BundledSample.locate(), dir, SETTINGS, 3));
        assertTrue(e.getMessage().contains("holds a seed ensemble"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("config.json")), "nothing written");
    }
}
