package org.ichnet.cli;

import org.ichnet.testing.PheSichFixture;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SplitCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesThePatientSplitAndPrintsRoleCounts() throws Exception {
        Path out = dir.resolve("split.csv");
        CliRun run = CliRun.of("split", TinyCtIch.sample().toString(), "--protocol", "patient", "--seed", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("split by patient, seed 3"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("test ")), run.out());
        assertEquals(240, Files.readAllLines(out).size());

        Path again = dir.resolve("again.csv");
        CliRun.of("split", TinyCtIch.sample().toString(), "--seed", "3", "--out", again.toString());
        assertEquals(Files.readString(out), Files.readString(again), "same seed, same file");
    }

    @Test
    void twoSourcesGiveNamespacedPatientsAndCountsPerSource() throws Exception {
        Path out = dir.resolve("split.csv");
        CliRun run = CliRun.of("split", "--data", TinyCtIch.sample().toString(), "--data", PheSichFixture.tiny().toString(),
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        var rows = Files.readAllLines(out).subList(1, 245);
        assertEquals(239, rows.stream().filter(r -> r.startsWith("ct-ich:")).count());
        assertEquals(5, rows.stream().filter(r -> r.startsWith("phe-sich:")).count());
        assertTrue(run.out().contains("patients per source:"), run.out());
        assertTrue(run.err().contains("patient 0004: 2 images but no label rows"), run.err());
    }

    @Test
    void rejectsUnknownProtocolAndBadFractions() {
        CliRun protocol = CliRun.of("split", "--protocol", "random", "--out", dir.resolve("x.csv").toString());
        assertNotEquals(0, protocol.exitCode());
        assertTrue(protocol.err().contains("--protocol must be patient or slice"), protocol.err());
        CliRun fractions = CliRun.of("split", "--val", "0.6", "--test", "0.5", "--out", dir.resolve("x.csv").toString());
        assertNotEquals(0, fractions.exitCode());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }
}
