package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.PaperWeights;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.evaluate.ClassIntervals;
import org.ichnet.evaluate.ClassMetrics;
import org.ichnet.evaluate.ConfidenceIntervals;
import org.ichnet.evaluate.Interval;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.evaluate.PatientDecision;
import org.ichnet.evaluate.PatientRanking;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code metrics.json}. Contract (extra keys may be added, none removed):
 * <pre>
 * {"protocol", "leaky",
 *  "models": {name: {"accuracy", "macroF1", "anyHemorrhageAuc",
 *                    "perClass": {class: {"precision","sensitivity","specificity","f1","auc","support"}},
 *                    "ci": {...}, "confusion": [[...]], "patientLevel": {...},
 *                    "patientRanking": {"auc", "ci", ...} (patient splits only),
 *                    "withinLevelAuc": {"auc", "ci", "levelBins", ...} (patient splits only)}},
 *  "dataset": {"root", "layout", "patients", "slices", "classCounts", "classPatients",
 *              "sources": {source: {as "dataset"}} (only when the data came from several sources)},
 *  "perSource": {source: {name: {as in "models"}}} (only when the data came from several sources),
 *  "ensemble": {"weights", "normalizedWeights", "selectedOn": "validation" (or "not searched: equal weights"), "criterion",
 *               "weightedSum": {...}, "paperWeights": {...}}}
 * </pre>
 * Metrics are fractions in [0,1]. A metric undefined on the data (0/0, stored as NaN) is written as null.
 * "ensemble.weights" are the weighted-average (WA2D-CNN) variant's.
 */
public final class MetricsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    public static void write(Path file, RunSummary run) {
        ObjectNode json = toJson(run);
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, json));
    }

    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(RunSummary run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", run.title());
        root.put("date", run.date());
        root.put("machine", run.machine());
        root.put("protocol", run.protocol());
        root.put("leaky", run.leaky());
        root.set("dataset", dataset(run.dataset()));
        ObjectNode splits = root.putObject("splits");
        run.splits().forEach((role, c) -> splits.putObject(role).put("slices", c.slices()).put("patients", c.patients()));
        ObjectNode settings = root.putObject("settings");
        run.settings().forEach(settings::put);
        ObjectNode models = root.putObject("models");
        for (ModelResult m : run.pooledModels()) {
            models.set(m.name(), model(m));
        }
        if (!run.perSource().isEmpty()) {
            ObjectNode perSource = root.putObject("perSource");
            run.perSource().forEach((source, rows) -> {
                ObjectNode node = perSource.putObject(source);
                rows.forEach(m -> node.set(SourceRows.model(m.name()), model(m)));
            });
        }
        if (run.ensemble() != null) {
            root.set("ensemble", ensemble(run.ensemble()));
        }
        ObjectNode seconds = root.putObject("trainingSeconds");
        run.trainingSeconds().forEach((model, s) -> number(seconds, model, s));
        ObjectNode calibration = root.putObject("calibration");
        run.calibration().forEach((model, c) -> {
            ObjectNode node = calibration.putObject(model);
            number(node, "temperature", c.temperature());
            number(node, "eceBefore", c.eceBefore());
            number(node, "eceAfter", c.eceAfter());
        });
        ArrayNode notes = root.putArray("notes");
        run.notes().forEach(notes::add);
        return root;
    }

    private static ObjectNode dataset(DatasetSummary d) {
        ObjectNode node = MAPPER.createObjectNode();
        if (d == null) {
            return node;
        }
        node.put("root", d.root()).put("layout", d.layout()).put("patients", d.patients()).put("slices", d.slices());
        ObjectNode counts = node.putObject("classCounts");
        d.classCounts().forEach((c, n) -> counts.put(c.name(), n));
        ObjectNode patients = node.putObject("classPatients");
        d.classPatients().forEach((c, n) -> patients.put(c.name(), n));
        if (!d.sources().isEmpty()) {
            ObjectNode sources = node.putObject("sources");
            d.sources().forEach((name, part) -> sources.set(name, dataset(part)));
        }
        return node;
    }

    static ObjectNode model(ModelResult result) {
        ModelMetrics m = result.metrics();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("samples", m.samples());
        number(node, "accuracy", m.accuracy());
        number(node, "macroF1", m.macroF1());
        number(node, "weightedF1", m.weightedF1());
        number(node, "macroPrecision", m.macroPrecision());
        number(node, "macroSensitivity", m.macroSensitivity());
        number(node, "macroSpecificity", m.macroSpecificity());
        number(node, "anyHemorrhageAuc", m.anyHemorrhageAuc());
        ObjectNode perClass = node.putObject("perClass");
        for (HemorrhageClass c : HemorrhageClass.values()) {
            ClassMetrics cm = m.of(c);
            ObjectNode cls = perClass.putObject(c.name());
            number(cls, "precision", cm.precision());
            number(cls, "sensitivity", cm.sensitivity());
            number(cls, "specificity", cm.specificity());
            number(cls, "f1", cm.f1());
            number(cls, "auc", cm.auc());
            cls.put("support", cm.support());
        }
        if (result.cis() != null) {
            node.set("ci", intervals(result.cis()));
        }
        ArrayNode confusion = node.putArray("confusion");
        for (int[] row : m.confusion().toArray()) {
            ArrayNode r = confusion.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
        if (result.patientDecision() != null) {
            node.set("patientLevel", patientLevel(result.patientDecision()));
        }
        if (result.patientRanking() != null) {
            PatientRanking r = result.patientRanking();
            ObjectNode ranking = node.putObject("patientRanking");
            ranking.put("score", "highest slice 1 - p(NORMAL)").put("patients", r.patients())
                    .put("hemorrhagePatients", r.hemorrhagePatients());
            number(ranking, "auc", r.auc());
            interval(ranking, "ci", r.ci());
        }
        if (result.withinLevel() != null) {
            ObjectNode within = node.putObject("withinLevelAuc");
            within.put("pairs", "hemorrhage and normal slices in the same tenth of their scans")
                    .put("levelBins", result.withinLevel().levelBins());
            number(within, "auc", result.withinLevel().auc());
            interval(within, "ci", result.withinLevel().ci());
            ArrayNode normal = within.putArray("normalMeanScorePerTenth"), hemorrhage = within.putArray("hemorrhageMeanScorePerTenth");
            for (double v : result.withinLevel().normalMeanScore()) element(normal, v);
            for (double v : result.withinLevel().hemorrhageMeanScore()) element(hemorrhage, v);
        }
        return node;
    }

    private static ObjectNode intervals(ConfidenceIntervals ci) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("level", 0.95).put("method", "percentile bootstrap").put("resampled", ci.unit())
                .put("reps", ci.reps()).put("seed", ci.seed());
        interval(node, "accuracy", ci.accuracy());
        interval(node, "macroF1", ci.macroF1());
        interval(node, "anyHemorrhageAuc", ci.anyHemorrhageAuc());
        ObjectNode perClass = node.putObject("perClass");
        for (Map.Entry<HemorrhageClass, ClassIntervals> e : ci.perClass().entrySet()) {
            ObjectNode cls = perClass.putObject(e.getKey().name());
            interval(cls, "precision", e.getValue().precision());
            interval(cls, "sensitivity", e.getValue().sensitivity());
            interval(cls, "specificity", e.getValue().specificity());
            interval(cls, "f1", e.getValue().f1());
        }
        return node;
    }

    private static ObjectNode patientLevel(PatientDecision d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", d.rule());
        number(node, "threshold", d.threshold());
        node.put("patients", d.patients()).put("hemorrhagePatients", d.hemorrhagePatients())
                .put("truePositives", d.truePositives()).put("falseNegatives", d.falseNegatives())
                .put("trueNegatives", d.trueNegatives()).put("falsePositives", d.falsePositives());
        number(node, "sensitivity", d.sensitivity());
        number(node, "specificity", d.specificity());
        ArrayNode missed = node.putArray("missedPatients");
        d.missedPatients().forEach(missed::add);
        return node;
    }

    private static ObjectNode ensemble(EnsembleSummary e) {
        ObjectNode node = MAPPER.createObjectNode();
        if (e.weightedAverage() != null) {
            doubles(node, "weights", e.weightedAverage().weights());
            doubles(node, "normalizedWeights", e.weightedAverage().normalizedWeights());
            number(node, "validationScore", e.weightedAverage().score());
            node.put("candidatesTried", e.weightedAverage().candidatesTried());
        }
        // from the grid: a cross-validation pools folds whose weights differ, so it has no single search result
        node.put("selectedOn", e.grid().equalOnly() ? "not searched: equal weights" : "validation");
        node.put("criterion", e.criterion().name());
        if (e.weightedSum() != null) {
            node.set("weightedSum", search(e.weightedSum()));
        }
        ObjectNode paper = node.putObject("paperWeights");
        doubles(paper, "weights", PaperWeights.WEIGHTS);
        paper.put("selectedOn", "the paper's test set");
        if (e.paperWeightsAverage() != null) {
            paper.set("weightedAverage", model(e.paperWeightsAverage()));
        }
        if (e.paperWeightsSum() != null) {
            paper.set("weightedSum", model(e.paperWeightsSum()));
        }
        return node;
    }

    private static ObjectNode search(SearchResult r) {
        ObjectNode node = MAPPER.createObjectNode();
        doubles(node, "weights", r.weights());
        doubles(node, "normalizedWeights", r.normalizedWeights());
        number(node, "validationScore", r.score());
        node.put("candidatesTried", r.candidatesTried());
        return node;
    }

    private static void interval(ObjectNode node, String key, Interval interval) {
        ArrayNode pair = node.putArray(key);
        for (double v : new double[]{interval.lo(), interval.hi()}) {
            if (Double.isFinite(v)) {
                pair.add(v);
            } else {
                pair.addNull();
            }
        }
    }

    private static void doubles(ObjectNode node, String key, double[] values) {
        ArrayNode array = node.putArray(key);
        for (double v : values) {
            array.add(v);
        }
    }

    /** NaN (undefined, 0/0) and infinities are not JSON numbers: written as null. */
    static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** As {@link #number}, appended to an array (NaN: a tenth without slices of that kind). */
    static void element(ArrayNode array, double value) {
        if (Double.isFinite(value)) array.add(value);
        else array.addNull();
    }
}
