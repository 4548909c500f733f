package org.ichnet.reproduce;

import org.ichnet.model.PaperModels;
import org.ichnet.split.Role;
import org.ichnet.testing.PheSichFixture;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A run started on two sources (no training): its config.json, split.csv and log, and reopening it. */
class MultiSourceRunSetupTest {

    @Test
    void aRunOnTwoSourcesRecordsBothAndReopensWithTheSameSplit(@TempDir Path tmp) throws Exception {
        Path ctIch = TinyCtIch.at(tmp.resolve("ct-ich")).slice("001", 1, "00000").slice("001", 2, "01000")
                .slice("002", 1, "00000").slice("003", 1, "00001").write();
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        ExperimentSettings settings = ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.PAPER).quick().withSize(16);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

        RunSetup created = RunSetup.create(List.of(ctIch, PheSichFixture.tiny()), run, settings, false, out, false, false);
        assertEquals(List.of(ctIch.toAbsolutePath().normalize(), PheSichFixture.tiny().normalize()),
                RunConfig.load(run).dataFolders());
        List<String> rows = Files.readAllLines(RunFolder.split(run));
        assertEquals(4 + 5, rows.size() - 1);
        assertTrue(rows.stream().skip(1).allMatch(r -> r.startsWith("ct-ich:") || r.startsWith("phe-sich:")), rows.toString());
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("(ct-ich) — 3 patients, 4 slices"), text);
        assertTrue(text.contains("(phe-sich) — 2 patients, 5 slices"), text);

        RunSetup reopened = RunSetup.open(run, out, false, false);
        assertEquals(created.split().roleBySliceId(), reopened.split().roleBySliceId());
        assertEquals(created.split().patients(created.dataset().slices(), Role.TEST),
                reopened.split().patients(reopened.dataset().slices(), Role.TEST));
    }
}
