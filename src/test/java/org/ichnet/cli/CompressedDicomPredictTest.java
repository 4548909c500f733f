package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code ichnet predict} on a folder holding a JPEG-lossless series: the same answer as on its uncompressed copy. */
class CompressedDicomPredictTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/dicom-compressed");

    @Test
    void aJpegLosslessSeriesIsPredictedLikeItsUncompressedCopy(@TempDir Path tmp) throws Exception {
        ShippedModelTest.shipped();
        Path compressed = Files.createDirectories(tmp.resolve("jpeg-lossless"));
        Path uncompressed = Files.createDirectories(tmp.resolve("explicit"));
        for (String slice : List.of("s1", "s2")) {
            Files.copy(FIXTURES.resolve("ct128-" + slice + "-jpeg-lossless-sv1.dcm"), compressed.resolve(slice + ".dcm"));
            Files.copy(FIXTURES.resolve("ct128-" + slice + "-explicit.dcm"), uncompressed.resolve(slice + ".dcm"));
        }
        CliRun r = CliRun.of("predict", compressed.toString(), uncompressed.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode scans = JSON.readTree(r.out()).get("scans");
        assertEquals(2, scans.size(), r.out());
        JsonNode jpeg = scans.get(0).get("slices"), explicit = scans.get(1).get("slices");
        assertEquals(2, jpeg.size(), r.out());
        for (int i = 0; i < 2; i++) {
            JsonNode p = jpeg.get(i).get("probabilities");
            double sum = 0;
            for (JsonNode v : p) sum += v.asDouble();
            assertEquals(1.0, sum, 1e-5);
            assertEquals(explicit.get(i).get("probabilities"), p, "slice " + i);
        }
    }
}
