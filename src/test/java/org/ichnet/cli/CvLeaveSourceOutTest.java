package org.ichnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CvLeaveSourceOutTest {

    @Test
    void oneSourceIsRefusedInOneLineBeforeAnythingIsWritten(@TempDir Path tmp) {
        Path out = tmp.resolve("cv");
        CliRun run = CliRun.of("cv", "--leave-source-out", "--data", BundledSample.locate().toString(), "--out", out.toString(),
                "--no-progress");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--leave-source-out needs at least two --data folders"), run.err());
        assertFalse(Files.exists(out.resolve("config.json")));
    }

    @Test
    void anUnknownFoldKindInConfigIsOneLineNamingTheFile(@TempDir Path tmp) {
        Path out = tmp.resolve("cv");
        org.ichnet.reproduce.RunConfig.save(out, java.util.List.of(BundledSample.locate(), Path.of("src/test/resources/phe-sich-tiny")),
                org.ichnet.reproduce.ExperimentSettings.of(org.ichnet.reproduce.ExperimentSettings.PATIENT,
                        org.ichnet.model.PaperModels.Variant.PAPER), "leave-one-out");
        CliRun run = CliRun.of("cv", "--out", out.toString(), "--no-progress");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().strip().lines().anyMatch(l -> l.contains("config.json") && l.contains("unknown cvFolds 'leave-one-out'")),
                run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }
}
