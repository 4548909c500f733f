package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsJsonTest {

    @Test
    void writesTheDocumentedContract(@TempDir Path dir) {
        RunSummary run = SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "a note");
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(file, run);
        JsonNode json = MetricsJson.read(file);

        assertEquals("patient", json.get("protocol").asText());
        assertTrue(json.get("leaky").isBoolean());
        assertFalse(json.get("leaky").asBoolean());
        for (String model : List.of("model1", "model2", "model3", "weightedSum", "weightedAverage")) {
            JsonNode m = json.get("models").get(model);
            for (String key : List.of("accuracy", "macroF1", "anyHemorrhageAuc", "perClass", "ci", "confusion", "patientLevel")) {
                assertTrue(m.has(key), model + " lacks " + key);
            }
            for (String c : List.of("NORMAL", "ICH", "SDH", "EDH")) {
                for (String key : List.of("precision", "sensitivity", "specificity", "f1", "auc", "support")) {
                    assertTrue(m.get("perClass").get(c).has(key), model + "." + c + " lacks " + key);
                }
            }
            assertEquals(4, m.get("confusion").size());
            assertEquals(4, m.get("confusion").get(0).size());
        }
        JsonNode ensemble = json.get("ensemble");
        assertEquals("validation", ensemble.get("selectedOn").asText());
        assertEquals("MACRO_F1", ensemble.get("criterion").asText());
        assertEquals(3, ensemble.get("weights").size());
        assertEquals(3, ensemble.get("normalizedWeights").size());
        assertTrue(ensemble.get("weightedSum").has("weights"));
        assertEquals(0.4, ensemble.get("paperWeights").get("weights").get(2).asDouble(), 0.0);
        assertEquals(run.ensemble().weightedAverage().weights()[0], ensemble.get("weights").get(0).asDouble(), 0.0);
    }

    @Test
    void undefinedMetricsBecomeNull(@TempDir Path dir) {
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(file, SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "n"));
        JsonNode sdh = MetricsJson.read(file).get("models").get("model1").get("perClass").get("SDH");
        // no SDH slice in the synthetic test set: sensitivity and AUC are 0/0
        assertEquals(0, sdh.get("support").asInt());
        assertTrue(sdh.get("sensitivity").isNull());
        assertTrue(sdh.get("auc").isNull());
        assertTrue(sdh.get("specificity").isNumber());
    }
}
