package org.ichnet.reproduce;

import org.ichnet.evaluate.Calibration;
import org.ichnet.evaluate.CalibrationResult;
import org.ichnet.evaluate.PatientDecision;
import org.ichnet.evaluate.PatientDecisions;
import org.ichnet.evaluate.Predictions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is fitted on validation and then applied, unchanged, to test — per model: the patient-level
 * operating point (the threshold that flags every hemorrhage patient of validation) and the
 * temperature for calibrated probabilities. In cross-validation each fold fits on its own
 * validation patients and is applied to its own test patients; the outcomes are then pooled.
 * {@code thresholdByPatient} (model -> test patient -> threshold, NaN for the argmax rule) lets a subset of the
 * test patients, such as one source's, be decided exactly as they were in the pooled decision.
 */
public record ValidationFits(Map<String, PatientDecision> decisions, Map<String, CalibrationResult> calibration,
                             Map<String, Map<String, Double>> thresholdByPatient) {

    public static ValidationFits of(Predictions validation, Predictions test) {
        return pooled(List.of(validation), List.of(test));
    }

    public static ValidationFits pooled(List<Predictions> validations, List<Predictions> tests) {
        Map<String, PatientDecision> decisions = new LinkedHashMap<>();
        Map<String, CalibrationResult> calibration = new LinkedHashMap<>();
        Map<String, Map<String, Double>> thresholds = new LinkedHashMap<>();
        for (String model : tests.get(0).probabilities().keySet()) {
            List<PatientDecision> parts = new ArrayList<>();
            List<float[][]> rawTest = new ArrayList<>(), calibratedTest = new ArrayList<>();
            List<int[]> truth = new ArrayList<>();
            double temperatureSum = 0;
            for (int f = 0; f < tests.size(); f++) {
                Predictions val = validations.get(f), test = tests.get(f);
                double threshold = PatientDecisions.thresholdForFullSensitivity(val.truth(), val.of(model), val.patients());
                parts.add(decision(test, model, threshold));
                test.patients().forEach(p -> thresholds.computeIfAbsent(model, m -> new LinkedHashMap<>()).put(p, threshold));
                double t = Calibration.fitTemperature(val.of(model), val.truth());
                temperatureSum += t;
                rawTest.add(test.of(model));
                calibratedTest.add(Calibration.apply(test.of(model), t));
                truth.add(test.truth());
            }
            decisions.put(model, merge(parts));
            int[] allTruth = concat(truth);
            calibration.put(model, new CalibrationResult(temperatureSum / tests.size(),
                    Calibration.expectedCalibrationError(concatRows(rawTest), allTruth),
                    Calibration.expectedCalibrationError(concatRows(calibratedTest), allTruth)));
        }
        return new ValidationFits(decisions, calibration, thresholds);
    }

    /** The patient decision on some of the test patients, each at the operating point it had in {@link #decisions}. */
    public PatientDecision decisionOn(String model, Predictions someTest) {
        Map<String, Double> thresholds = thresholdByPatient.get(model);
        Map<Double, List<Integer>> rowsByThreshold = new LinkedHashMap<>();
        for (int i = 0; i < someTest.size(); i++) {
            rowsByThreshold.computeIfAbsent(thresholds.get(someTest.patients().get(i)), t -> new ArrayList<>()).add(i);
        }
        List<PatientDecision> parts = new ArrayList<>();
        rowsByThreshold.forEach((threshold, rows) -> parts.add(decision(
                someTest.rows(new HashSet<>(rows)::contains), model, threshold)));
        return merge(parts);
    }

    private static PatientDecision decision(Predictions test, String model, double threshold) {
        return Double.isNaN(threshold)
                ? PatientDecisions.byArgmax(test.truth(), test.of(model), test.patients())
                : PatientDecisions.byThreshold(test.truth(), test.of(model), test.patients(), threshold);
    }

    /** Counts add up over disjoint test patients; the threshold is per fold, so the merged one is NaN. */
    static PatientDecision merge(List<PatientDecision> parts) {
        if (parts.size() == 1) return parts.get(0);
        int tp = 0, fn = 0, tn = 0, fp = 0;
        List<String> missed = new ArrayList<>();
        for (PatientDecision d : parts) {
            tp += d.truePositives();
            fn += d.falseNegatives();
            tn += d.trueNegatives();
            fp += d.falsePositives();
            missed.addAll(d.missedPatients());
        }
        return new PatientDecision(parts.get(0).rule() + " (threshold chosen per fold on its validation patients)",
                Double.NaN, tp, fn, tn, fp, missed);
    }

    private static int[] concat(List<int[]> parts) {
        return parts.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static float[][] concatRows(List<float[][]> parts) {
        return parts.stream().flatMap(java.util.Arrays::stream).toArray(float[][]::new);
    }
}
