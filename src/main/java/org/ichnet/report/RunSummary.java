package org.ichnet.report;

import org.ichnet.evaluate.CalibrationResult;
import org.ichnet.evaluate.EpochRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code metrics.json} and {@code report.html} show about one run. {@code protocol} is "patient"
 * (split by patient, the default) or "slice" (the paper's leaky 80/20 split); {@code splits} is keyed by role
 * ("train", "validation", "test"); {@code models} holds model1..3, weightedSum and weightedAverage in display
 * order, then, when the data came from several sources, the same models per source ({@link SourceRows}). Maps may be empty; {@code ensemble} may be null when no ensemble was built.
 */
public record RunSummary(String title, String date, String machine, String protocol, boolean leaky,
                         DatasetSummary dataset, Map<String, SplitCounts> splits, Map<String, String> settings,
                         List<ModelResult> models, EnsembleSummary ensemble, Map<String, Double> trainingSeconds,
                         Map<String, List<EpochRecord>> trainingHistory, Map<String, CalibrationResult> calibration,
                         List<String> notes) {

    public static final String PATIENT_PROTOCOL = "patient";
    public static final String SLICE_PROTOCOL = "slice";

    /** The same run with some settings rows replaced or added (in place, keeping the table's order). */
    public RunSummary withSettings(Map<String, String> changes) {
        Map<String, String> table = new LinkedHashMap<>(settings);
        table.putAll(changes);
        return new RunSummary(title, date, machine, protocol, leaky, dataset, splits, table, models, ensemble,
                trainingSeconds, trainingHistory, calibration, notes);
    }

    /** The rows over all evaluated slices (every row of a single-source run). */
    public List<ModelResult> pooledModels() {
        return models.stream().filter(SourceRows::pooled).toList();
    }

    /** Source name -> that source's rows, in the order listed; empty for a single-source run. */
    public Map<String, List<ModelResult>> perSource() {
        Map<String, List<ModelResult>> out = new LinkedHashMap<>();
        for (ModelResult m : models) {
            SourceRows.source(m.name()).ifPresent(s -> out.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(m));
        }
        return out;
    }

    public Optional<ModelResult> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
