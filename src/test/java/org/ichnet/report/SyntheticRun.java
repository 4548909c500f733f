package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Criterion;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.EnsembleSearch;
import org.ichnet.ensemble.PaperWeights;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.ensemble.WeightGrid;
import org.ichnet.evaluate.Bootstrap;
import org.ichnet.evaluate.CalibrationResult;
import org.ichnet.evaluate.EpochRecord;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.PatientDecisions;
import org.ichnet.evaluate.PatientRanking;
import org.ichnet.evaluate.WithinLevelAuc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small but complete run: three fake models on fake patients; no SDH in test so some metrics are NaN. */
final class SyntheticRun {

    private SyntheticRun() {
    }

    static RunSummary build(String protocol, String note) {
        Random random = new Random(42);
        int n = 120;
        int[] truth = new int[n];
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int patient = i / 10;
            patients.add("P" + patient);
            truth[i] = patient % 3 == 0 && i % 2 == 0 ? (patient % 2 == 0 ? 1 : 3) : 0; // NORMAL, ICH, EDH only
        }
        List<float[][]> models = new ArrayList<>();
        for (double skill : new double[]{0.8, 0.7, 0.9}) {
            float[][] p = new float[n][4];
            for (int i = 0; i < n; i++) {
                int shown = random.nextDouble() < skill ? truth[i] : random.nextInt(4);
                for (int c = 0; c < 4; c++) {
                    p[i][c] = c == shown ? 0.7f : 0.1f;
                }
            }
            models.add(p);
        }
        Bootstrap bootstrap = new Bootstrap(100, 1);
        List<ModelResult> results = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            results.add(result("model" + (m + 1), truth, models.get(m), patients, bootstrap));
        }
        SearchResult average = EnsembleSearch.search(models, truth, WeightGrid.DEFAULT, Combiner.WEIGHTED_AVERAGE, Criterion.MACRO_F1);
        SearchResult sum = EnsembleSearch.search(models, truth, WeightGrid.DEFAULT, Combiner.WEIGHTED_SUM, Criterion.MACRO_F1);
        results.add(result("weightedSum", truth, Ensemble.combine(models, sum.weights(), Combiner.WEIGHTED_SUM), patients, bootstrap));
        results.add(result("weightedAverage", truth, Ensemble.combine(models, average.weights(), Combiner.WEIGHTED_AVERAGE), patients, bootstrap));
        ModelResult paperAverage = result("weightedAverage", truth,
                Ensemble.combine(models, PaperWeights.WEIGHTS, Combiner.WEIGHTED_AVERAGE), patients, bootstrap);

        EnumMap<HemorrhageClass, Integer> counts = new EnumMap<>(HemorrhageClass.class);
        for (int t : truth) {
            counts.merge(HemorrhageClass.ofIndex(t), 1, Integer::sum);
        }
        EnumMap<HemorrhageClass, Integer> patientCounts = new EnumMap<>(HemorrhageClass.class);
        patientCounts.put(HemorrhageClass.NORMAL, 12);
        patientCounts.put(HemorrhageClass.ICH, 4);
        patientCounts.put(HemorrhageClass.SDH, 2);
        patientCounts.put(HemorrhageClass.EDH, 5);
        Map<String, SplitCounts> splits = new LinkedHashMap<>();
        splits.put("train", new SplitCounts(300, 30));
        splits.put("validation", new SplitCounts(100, 10));
        splits.put("test", new SplitCounts(n, 12));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("image size", "256");
        settings.put("epochs", "3");
        settings.put("epochs (max) / batch", "3 / 16");
        List<EpochRecord> history = List.of(new EpochRecord(1, 1e-3, 1.2, 1.1, 0.6, 0.4, 0.7, 50, 10),
                new EpochRecord(2, 1e-3, 0.9, 1.0, 0.7, 0.5, Double.NaN, 50, 10), new EpochRecord(3, 1e-3, 0.7, 0.95, 0.8, 0.55, 0.8, 50, 10));
        return new RunSummary("ichnet synthetic run", "2025-01-01", "test machine <cpu>", protocol,
                RunSummary.SLICE_PROTOCOL.equals(protocol),
                new DatasetSummary("synthetic", "ct-ich", 12, n, counts, patientCounts), splits, settings, results,
                new EnsembleSummary(Criterion.MACRO_F1, WeightGrid.DEFAULT, average, sum, paperAverage, null),
                Map.of("model1", 12.5), Map.of("model1", history),
                Map.of("weightedAverage", new CalibrationResult(1.3, 0.08, 0.03)), List.of(note));
    }

    private static ModelResult result(String name, int[] truth, float[][] probs, List<String> patients, Bootstrap bootstrap) {
        return new ModelResult(name, Metrics.compute(truth, probs), bootstrap.intervals(truth, probs, patients),
                PatientDecisions.byArgmax(truth, probs, patients),
                patients == null ? null : PatientRanking.of(truth, probs, patients, bootstrap),
                patients == null ? null : WithinLevelAuc.of(truth, probs, levels(truth.length), patients, bootstrap));
    }

    /** Evenly spread over the scan, so every tenth holds slices of both kinds. */
    private static double[] levels(int n) {
        double[] levels = new double[n];
        for (int i = 0; i < n; i++) levels[i] = (i * 7 % n) / (double) n;
        return levels;
    }
}
