package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The bench contract only: keys and sane numbers. Speed targets live in the benchmark, never here. */
class BenchCommandTest {
    private static final List<String> TOP = List.of("roofGflops", "ensembleSlicesPerSec", "scanLatencyMs",
            "decodeImagesPerSec", "peakRssMb");
    private static final List<String> PER_MODEL = List.of("flopsPerImageTrain", "trainImagesPerSec", "trainRoofRatio",
            "inferImagesPerSec", "inferRoofRatio");

    @Test
    void quickJsonIsOneObjectWithTheContractKeysAsPositiveFiniteNumbers() throws Exception {
        CliRun run = CliRun.of("bench", "--quick", "--json", "--data", TinyCtIch.sample().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.isObject());
        for (String key : TOP) assertPositiveFinite(json, key);
        for (String model : List.of("model1", "model2", "model3")) {
            JsonNode m = json.at("/models/" + model);
            assertTrue(m.isObject(), model + " missing: " + run.out());
            for (String key : PER_MODEL) assertPositiveFinite(m, key);
            assertEquals(3 * m.get("flopsPerImageForward").asLong(), m.get("flopsPerImageTrain").asLong());
        }
        assertEquals(64, json.get("size").asInt());
        assertEquals(16, json.get("batch").asInt());
        assertEquals("bf16", json.get("precision").asText());
        assertTrue(json.get("threads").asInt() >= 1);
        assertFalse(json.get("date").asText().isBlank());
        assertFalse(json.get("machine").asText().isBlank());
        assertTrue(run.err().contains("bench [10/10] decode"), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertNotEquals(0, CliRun.of("bench", "--quick", "--variant", "huge").exitCode());
        assertNotEquals(0, CliRun.of("bench", "--quick", "--size", "60").exitCode());
        assertNotEquals(0, CliRun.of("bench", "--quick", "--batch", "0").exitCode());
    }

    private static void assertPositiveFinite(JsonNode parent, String key) {
        JsonNode v = parent.get(key);
        assertNotNull(v, key + " missing in " + parent);
        assertTrue(v.isNumber(), key + " is not a number: " + v);
        assertTrue(v.asDouble() > 0 && Double.isFinite(v.asDouble()), key + " = " + v);
    }
}
