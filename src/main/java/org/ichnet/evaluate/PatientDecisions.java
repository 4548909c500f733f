package org.ichnet.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-patient "any hemorrhage" calls: a clinician triages a scan, not a slice. A patient's score is the
 * largest slice score 1 - p(NORMAL); the patient is positive if that score reaches the threshold.
 */
public final class PatientDecisions {

    private PatientDecisions() {
    }

    /** Default rule: positive if any slice's argmax is not NORMAL. */
    public static PatientDecision byArgmax(int[] truth, float[][] probs, List<String> patients) {
        requireAligned(truth, probs, patients);
        int[] predicted = Probabilities.argmax(probs);
        boolean[] slicePositive = new boolean[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            slicePositive[i] = Probabilities.isHemorrhage(predicted[i]);
        }
        return decide("argmax != NORMAL on any slice", Double.NaN, truth, slicePositive, patients);
    }

    public static PatientDecision byThreshold(int[] truth, float[][] probs, List<String> patients, double threshold) {
        requireAligned(truth, probs, patients);
        boolean[] slicePositive = new boolean[probs.length];
        for (int i = 0; i < probs.length; i++) {
            slicePositive[i] = Probabilities.anyHemorrhageScore(probs[i]) >= threshold;
        }
        return decide("p(any hemorrhage) >= threshold on any slice", threshold, truth, slicePositive, patients);
    }

    /**
     * The largest threshold that still flags every hemorrhage patient of the validation data: the smallest,
     * over hemorrhage patients, of their highest slice score. Chosen on validation, then applied to test.
     * NaN when validation has no hemorrhage patient (callers fall back to the argmax rule).
     */
    public static double thresholdForFullSensitivity(int[] valTruth, float[][] valProbs, List<String> valPatients) {
        requireAligned(valTruth, valProbs, valPatients);
        PatientScores scores = PatientScores.of(valTruth, valProbs, valPatients);
        double threshold = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Double> e : scores.highest().entrySet()) {
            if (scores.hemorrhage().get(e.getKey())) {
                threshold = Math.min(threshold, e.getValue());
            }
        }
        return threshold == Double.POSITIVE_INFINITY ? Double.NaN : threshold;
    }

    private static PatientDecision decide(String rule, double threshold, int[] truth, boolean[] slicePositive,
                                          List<String> patients) {
        Map<String, boolean[]> byPatient = new LinkedHashMap<>(); // {has hemorrhage, called positive}
        for (int i = 0; i < truth.length; i++) {
            boolean[] state = byPatient.computeIfAbsent(patients.get(i), p -> new boolean[2]);
            state[0] |= Probabilities.isHemorrhage(truth[i]);
            state[1] |= slicePositive[i];
        }
        int tp = 0, fn = 0, tn = 0, fp = 0;
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, boolean[]> e : byPatient.entrySet()) {
            boolean actual = e.getValue()[0];
            boolean called = e.getValue()[1];
            if (actual && called) {
                tp++;
            } else if (actual) {
                fn++;
                missed.add(e.getKey());
            } else if (called) {
                fp++;
            } else {
                tn++;
            }
        }
        return new PatientDecision(rule, threshold, tp, fn, tn, fp, List.copyOf(missed));
    }

    private static void requireAligned(int[] truth, float[][] probs, List<String> patients) {
        Probabilities.requireSameLength(truth, probs);
        if (patients.size() != truth.length) {
            throw new IllegalArgumentException("patients has " + patients.size() + " entries, truth " + truth.length);
        }
    }
}
