package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    @Test
    void aTwoSourceBackboneModelNamesItsSourcesMembersFramingAndOtherEvaluations() {
        ObjectNode metrics = MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note"));
        ObjectNode data = (ObjectNode) metrics.path("dataset");
        ObjectNode sources = data.putObject("sources");
        ObjectNode ct = sources.putObject("ct-ich").put("root", "/data/ct-ich").put("layout", "ct-ich").put("patients", 72).put("slices", 2194);
        ct.putObject("classCounts").put("NORMAL", 1935).put("ICH", 63).put("SDH", 56).put("EDH", 140);
        ct.putObject("classPatients").put("NORMAL", 72).put("ICH", 10).put("SDH", 4).put("EDH", 21);
        ObjectNode phe = sources.putObject("phe-sich").put("root", "/data/phe-sich-ct-ids").put("layout", "phe-sich").put("patients", 118).put("slices", 3446);
        phe.putObject("classCounts").put("NORMAL", 2734).put("ICH", 712).put("SDH", 0).put("EDH", 0);
        phe.putObject("classPatients").put("NORMAL", 118).put("ICH", 118).put("SDH", 0).put("EDH", 0);
        ObjectNode manifest = (ObjectNode) manifest();
        ((ObjectNode) manifest.path("preprocessing")).put("framing", "head");
        ((ObjectNode) metrics.path("settings")).put("members", "mobilenet_v1, mobilenet_v2, model3");
        ObjectNode external = MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note"));
        external.put("title", "ichnet test: models on elsewhere");

        String card = ModelCard.markdown("both", metrics, manifest, List.of(new ModelCard.Evaluation("CT-ICH only -> elsewhere", external)));
        assertTrue(card.contains("- `ct-ich` in the layout of the public CT-ICH release") && card.contains("- `phe-sich-ct-ids`, PHE-SICH-CT-IDS"), card);
        assertTrue(card.contains("118 patients, 3446 slices (NORMAL 2734, ICH 712, SDH 0, EDH 0)"), card);
        assertTrue(card.contains("- model1: MobileNet v1") && card.contains("fine-tuned from its layer conv_dw_7 up"), card);
        assertTrue(card.contains("- model3: the paper's model3, trained from scratch"), card);
        assertTrue(card.contains("- head framing: "), card);
        assertTrue(card.contains("ct-ich ICH 10, SDH 4, EDH 21; phe-sich ICH 118."), card);
        assertTrue(card.contains("PHE-SICH's labels are weak"), card);
        assertTrue(card.contains("of 2 data sets"), card);
        assertFalse(card.contains("Trained from scratch"), card);
        String auc = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * external.path("models").path("weightedAverage").path("anyHemorrhageAuc").asDouble());
        assertTrue(card.contains("| CT-ICH only -> elsewhere | synthetic (ichnet test: models on elsewhere) | 12 / "), card);
        assertTrue(card.lines().anyMatch(l -> l.startsWith("| CT-ICH only -> elsewhere |") && l.contains("| " + auc)), card);

        String plain = ModelCard.markdown("synthetic", MetricsJson.toJson(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note")), manifest());
        assertFalse(plain.contains("## Other evaluations") || plain.contains("head framing") || plain.contains("- model1:"), plain);
    }
}
