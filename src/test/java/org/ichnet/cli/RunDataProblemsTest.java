package org.ichnet.cli;

import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** reproduce, train and cv stop at the data set's first problem with --strict, before anything is trained. */
class RunDataProblemsTest {

    @Test
    void strictMakesABadSliceFatalOnOneLine(@TempDir Path tmp) {
        TinyCtIch tiny = TinyCtIch.at(tmp.resolve("data"));
        for (int patient = 49; patient < 57; patient++) { // enough patients for cv's folds to be made
            tiny.slice("0" + patient, 1, "00000").slice("0" + patient, 2, patient % 2 == 0 ? "00001" : "01000");
        }
        Path data = tiny.write();
        Path bad = data.resolve("Patients_CT/049/brain/2.jpg");
        TinyCtIch.truncate(bad);
        String[][] commands = {
                {"reproduce", "--strict", "--data", data.toString(), "--out", tmp.resolve("reproduce").toString()},
                {"train", tmp.resolve("train").toString(), "--strict", "--data", data.toString()},
                {"cv", "--strict", "--folds", "2", "--data", data.toString(), "--out", tmp.resolve("cv").toString()},
        };
        for (String[] args : commands) {
            CliRun r = CliRun.of(args);
            assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), args[0] + ": " + r.err());
            long errors = r.err().lines().filter(l -> l.startsWith("ichnet: ")).count();
            assertEquals(1, errors, args[0] + ": " + r.err());
            assertTrue(r.err().contains("ichnet: " + bad + ": "), args[0] + ": " + r.err());
            if (!args[0].equals("cv")) { // a cv folder's config.json only lets the same cross-validation resume
                assertFalse(Files.exists(tmp.resolve(args[0]).resolve("config.json")), args[0] + " left a half-made run");
            }
        }
    }
}
