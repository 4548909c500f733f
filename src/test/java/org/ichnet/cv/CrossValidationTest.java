package org.ichnet.cv;

import org.ichnet.cli.BundledSample;
import org.ichnet.model.PaperModels;
import org.ichnet.report.RunSummary;
import org.ichnet.reproduce.ExperimentSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Three quick folds on the bundled sample: every patient tested once, and a killed fold resumes. */
class CrossValidationTest {

    @Test
    void everyPatientIsTestedOnceAndAnInterruptedRunResumesToTheSameResult(@TempDir Path dir) throws Exception {
        ExperimentSettings settings = ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.PAPER)
                .quick().withSize(32).withEpochs(2);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        RunSummary full = new CrossValidation(quiet, false).run(BundledSample.locate(), dir, settings, 3);

        List<String> predictions = Files.readAllLines(dir.resolve("predictions.csv"));
        Set<String> slices = new HashSet<>();
        for (String line : predictions.subList(1, predictions.size())) assertTrue(slices.add(line.split(",")[1]));
        assertEquals(full.dataset().slices(), slices.size(), "every slice predicted exactly once");

        // the last fold was "killed" before it wrote its marker: only it runs again
        Files.delete(FoldFiles.dir(dir, 3).resolve("fold.json"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new CrossValidation(new PrintStream(log, true, StandardCharsets.UTF_8), false).run(BundledSample.locate(), dir, settings, 3);
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("fold 1/3: done earlier"), text);
        assertTrue(text.contains("fold 2/3: done earlier"), text);
        assertFalse(text.contains("fold 3/3: done earlier"), text);
        assertEquals(predictions, Files.readAllLines(dir.resolve("predictions.csv")));
    }
}
