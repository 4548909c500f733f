package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.predict.UntrainedEnsemble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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

    @Test
    void aSeriesSliceWhosePixelsDoNotDecodeIsSaidOnceAndTheRestIsPredicted(@TempDir Path tmp) throws Exception {
        Path fixtures = Path.of("src/test/resources/dicom-compressed");
        Path series = Files.createDirectories(tmp.resolve("series"));
        Files.copy(fixtures.resolve("ct128-s1-explicit.dcm"), series.resolve("s1.dcm"));
        byte[] jpeg = Files.readAllBytes(fixtures.resolve("ct128-s2-jpeg-lossless-sv1.dcm"));
        Path cut = Files.write(series.resolve("s2.dcm"), Arrays.copyOf(jpeg, jpeg.length - 1000)); // a sound header
        Path model = UntrainedEnsemble.write(tmp.resolve("model"), 64, 1, new double[]{0.2, 0.5, 0.3});

        CliRun r = CliRun.of("predict", "--model", model.toString(), series.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, linesNaming(r.err(), cut), r.err());
        assertTrue(r.err().contains("ichnet: skipped " + cut + ": truncated pixel data"), r.err());
        JsonNode scans = new ObjectMapper().readTree(r.out()).get("scans");
        assertEquals(1, scans.size(), r.out());
        assertEquals(1, scans.get(0).get("slices").size(), r.out());
        assertEquals(1, r.out().split(cut.getFileName().toString(), -1).length - 1, "named once in the JSON: " + r.out());

        CliRun strict = CliRun.of("predict", "--strict", "--model", model.toString(), series.toString());
        assertEquals(Main.EXIT_BAD_INPUT, strict.exitCode(), strict.err());
        assertEquals(1, linesNaming(strict.err(), cut), strict.err());
        assertEquals("", strict.out());
    }
}
