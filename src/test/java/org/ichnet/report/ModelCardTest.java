package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ModelCardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode manifest() {
        ObjectNode m = JSON.createObjectNode();
        m.put("combiner", "weightedAverage");
        m.putObject("preprocessing").put("channels", "brain").put("imageSize", 256);
        m.putObject("weights").putArray("weightedAverage").add(0.2).add(0.3).add(0.5);
        return m;
    }

    @Test
    void dataFactsComeFromTheRunNotFromCtIch() {
        ObjectNode metrics = MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note"));
        String card = ModelCard.markdown("synthetic", metrics, manifest());
        assertTrue(card.contains("SDH occurs in only 2 of the 12 patients"), card);
        assertFalse(card.contains("Al Hilla"), card);
        assertFalse(card.contains("of the 72 patients"), card);
        assertTrue(card.contains("CT-ICH release"), "a ct-ich layout is named as such");
        String within = String.format(java.util.Locale.ROOT, "%.1f%%",
                100 * metrics.path("models").path("weightedAverage").path("withinLevelAuc").path("auc").asDouble());
        assertTrue(card.contains("from the same tenth of their scans the ensemble's AUC is " + within), card);
        assertTrue(card.contains("normal slices in the middle of the scan (tenths 4–7) score "), card);
        card.lines().filter(l -> l.startsWith("| model |")).forEach(l -> assertTrue(l.contains("| AUC within scan level |"), l));

        ((ObjectNode) metrics.path("dataset")).put("layout", "class-folders");
        assertFalse(ModelCard.markdown("synthetic", metrics, manifest()).contains("CT-ICH release"));
    }

    @Test
    void theTrainingRecipeComesFromTheRunSettings() {
        ObjectNode metrics = MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note"));
        ((ObjectNode) metrics.path("settings")).remove("epochs (max) / batch");
        assertFalse(ModelCard.markdown("synthetic", metrics, manifest()).contains("## Training"),
                "a run that recorded no recipe gets no recipe section");
        ((ObjectNode) metrics.path("settings")).put("regularisation", "weight decay 0.05, EMA of weights 0.99")
                .put("augmentation", "flip, rotation 20 deg");
        String card = ModelCard.markdown("synthetic", metrics, manifest());
        assertTrue(card.contains("## Training\n\n- augmentation: flip, rotation 20 deg\n- regularisation: weight decay 0.05, EMA of weights 0.99\n"), card);
    }

    @Test
    void aBrainAndBoneModelSaysItTakesHounsfieldInputOnly() {
        ObjectNode metrics = MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note"));
        assertTrue(ModelCard.markdown("synthetic", metrics, manifest()).contains("JPG/PNG inputs are taken as already windowed"));
        ObjectNode boneManifest = (ObjectNode) manifest();
        ((ObjectNode) boneManifest.path("preprocessing")).put("channels", "brain+bone");
        String card = ModelCard.markdown("synthetic", metrics, boneManifest);
        assertTrue(card.contains("DICOM and NIfTI: converted") && card.contains("CT-ICH patient folder") && card.contains("is refused"), card);
        assertFalse(card.contains("JPG/PNG inputs are taken as already windowed"), card);
    }

    @Test
    void perSourceResultsGetATableAndASingleSourceRunNone() {
        ObjectNode metrics = MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note"));
        assertFalse(ModelCard.markdown("synthetic", metrics, manifest()).contains("Per source"));
        JsonNode pooled = metrics.path("models").path("weightedAverage");
        ObjectNode perSource = metrics.putObject("perSource");
        perSource.putObject("ct-ich").set("weightedAverage", pooled);
        perSource.putObject("phe-sich").set("weightedAverage", pooled);
        String card = ModelCard.markdown("synthetic", metrics, manifest());
        assertTrue(card.contains("Per source, weighted-average ensemble:"), card);
        assertTrue(card.contains("| phe-sich | " + pooled.path("samples").asInt() + " | "), card);
    }
}
