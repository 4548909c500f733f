package org.ichnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Each unreadable input is named once on stderr (no model is needed: inputs are read before it is loaded). */
class PredictProblemsTest {

    private static long linesNaming(String err, Path file) {
        return err.lines().filter(l -> l.contains(file.toString())).count();
    }

    @Test
    void whenNothingCanBeReadEachProblemIsSaidOnce(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("broken.png");
        Files.writeString(bad, "not a png");
        Path missing = tmp.resolve("missing.jpg");
        CliRun r = CliRun.of("predict", "--model", tmp.resolve("no-such-model").toString(), bad.toString(), missing.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, linesNaming(r.err(), bad), r.err());
        assertEquals(1, linesNaming(r.err(), missing), r.err());
        assertEquals(2, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());

        CliRun one = CliRun.of("predict", "--model", tmp.resolve("no-such-model").toString(), bad.toString());
        assertEquals(Main.EXIT_BAD_INPUT, one.exitCode(), one.err());
        assertEquals(1, one.err().strip().lines().count(), one.err());
        assertTrue(one.err().startsWith("ichnet: " + bad), one.err());
    }

    @Test
    void aSkippedInputAmongGoodOnesIsSaidOnce(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("broken.png");
        Files.writeString(bad, "not a png");
        Path good = BundledSample.locate().resolve("Patients_CT/071/brain/14.jpg");
        CliRun r = CliRun.of("predict", "--model", tmp.resolve("no-such-model").toString(), bad.toString(), good.toString());
        assertEquals(1, linesNaming(r.err(), bad), r.err());
        assertTrue(r.err().contains("ichnet: skipped " + bad), r.err());
    }
}
