package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The improved variant end to end on the bundled sample: two pretrained backbones and model 3 are
 * fine-tuned, combined and exported, and the run's model folder scores data with {@code test}.
 */
class ImprovedVariantTest {

    @Test
    void fineTunesTheBackbonesAndItsModelFolderScoresOtherData(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("improved");
        CliRun r = CliRun.of("reproduce", "--variant", "improved", "--quick", "--size", "32", "--epochs", "1",
                "--no-progress", "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("models/ensemble.json").toFile());
        assertTrue(manifest.at("/provenance/members/model1").asText().startsWith("MobileNet v1"), manifest.toString());
        assertTrue(manifest.at("/provenance/members/model2").asText().startsWith("MobileNetV2"), manifest.toString());
        assertEquals("validation", manifest.at("/provenance/weightsSelectedOn").asText(), "weights searched on validation");
        JsonNode config = new ObjectMapper().readTree(run.resolve("config.json").toFile());
        assertEquals("mobilenet_v1", config.at("/settings/members/0").asText());

        CliRun scored = CliRun.of("test", "--model", run.resolve("models").toString(), "--bootstrap", "20",
                "--out", tmp.resolve("scored").toString(), BundledSample.locate().toString());
        assertEquals(0, scored.exitCode(), scored.err());
        JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("scored/metrics.json").toFile());
        double auc = metrics.at("/models/weightedAverage/anyHemorrhageAuc").asDouble();
        assertTrue(auc >= 0 && auc <= 1, "a real AUC: " + auc);
    }
}
