package org.ichnet.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.data.CtDataset;
import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.evaluate.Predictions;
import org.ichnet.evaluate.PredictionsCsv;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.predict.UntrainedEnsemble;
import org.ichnet.report.MetricsJson;
import org.ichnet.report.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ichnet test}'s numbers are the evaluation code's numbers on the predictions it wrote: metrics.json is
 * recomputed from predictions.csv with {@link Metrics#compute}, pooled and, with two sources, per source.
 */
class HeldOutTestTest {
    static final Path PHE_SICH = Path.of("src/test/resources/phe-sich-tiny");
    static final Path CT_ICH = Path.of("sample/ct-ich-sample");

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void untrainedModel() {
        model = UntrainedEnsemble.write(tmp.resolve("model"), 32, 1, new double[]{1, 2, 3});
    }

    @Test
    void metricsJsonIsTheEvaluationOfPredictionsCsv() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("one"));
        run(List.of(PHE_SICH), out);

        Predictions written = PredictionsCsv.read(out.resolve(HeldOutTest.PREDICTIONS));
        JsonNode metrics = MetricsJson.read(out.resolve("metrics.json"));
        assertEquals(Set.of("model1", "model2", "model3", "weightedAverage"), names(metrics.path("models")));
        for (String name : written.probabilities().keySet()) {
            assertSame(Metrics.compute(written.truth(), written.of(name)), metrics.path("models").path(name), name);
        }
        assertFalse(metrics.has("perSource"), "one source: no per-source section");
        assertTrue(metrics.path("notes").get(0).asText().contains("PHE-SICH labels are weak"), metrics.path("notes").toString());
    }

    @Test
    void twoSourcesGiveEveryModelPerSourceWithTheSameScoring() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("two"));
        RunSummary summary = run(List.of(CT_ICH, PHE_SICH), out);

        Predictions written = PredictionsCsv.read(out.resolve(HeldOutTest.PREDICTIONS));
        JsonNode perSource = MetricsJson.read(out.resolve("metrics.json")).path("perSource");
        assertEquals(Set.of("ct-ich", "phe-sich"), names(perSource));
        for (String source : List.of("ct-ich", "phe-sich")) {
            Predictions part = written.rows(i -> written.patients().get(i).startsWith(source + ":"));
            assertTrue(part.size() > 0);
            for (String name : written.probabilities().keySet()) {
                JsonNode row = perSource.path(source).path(name);
                assertSame(Metrics.compute(part.truth(), part.of(name)), row, source + " " + name);
                assertEquals(new TreeSet<>(part.patients()).size(), row.path("patientLevel").path("patients").asInt());
            }
        }
        assertEquals(4, summary.pooledModels().size());
        assertEquals("weightedAverage [phe-sich]", summary.models().get(summary.models().size() - 1).name());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<td>weightedAverage [ct-ich]</td>"), "summary table lists per-source rows");
        assertEquals(1, summary.notes().stream().filter(n -> n.contains("labels are weak")).count(), summary.notes().toString());
    }

    private static RunSummary run(List<Path> data, Path out) {
        CtDataset dataset = Sources.read(data, ReadOptions.defaults());
        try (EnsemblePredictor predictor = EnsemblePredictor.load(model, UntrainedEnsemble.RUNTIME)) {
            return HeldOutTest.run(predictor, dataset, out, 20, false, done -> { }, List.of());
        }
    }

    private static void assertSame(ModelMetrics expected, JsonNode actual, String what) {
        assertEquals(expected.samples(), actual.path("samples").asInt(), what);
        assertEquals(expected.accuracy(), actual.path("accuracy").asDouble(), 1e-12, what);
        assertEquals(expected.macroF1(), actual.path("macroF1").asDouble(), 1e-12, what);
        if (Double.isNaN(expected.anyHemorrhageAuc())) assertTrue(actual.path("anyHemorrhageAuc").isNull(), what);
        else assertEquals(expected.anyHemorrhageAuc(), actual.path("anyHemorrhageAuc").asDouble(), 1e-12, what);
        int[][] confusion = expected.confusion().toArray();
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion[t].length; p++) {
                assertEquals(confusion[t][p], actual.path("confusion").path(t).path(p).asInt(), what);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
