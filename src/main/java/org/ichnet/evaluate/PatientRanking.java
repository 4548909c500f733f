package org.ichnet.evaluate;

import java.util.List;

/**
 * Scan-level triage without a threshold: a patient's score is the highest any-hemorrhage score
 * (1 - p(NORMAL)) over its slices, and the AUC is how often a hemorrhage patient outranks a normal
 * one, with a 95% bootstrap interval over patients. A slice-level AUC can be high while this one
 * is not, when normal slices at some scan level score as high as the hemorrhage slices.
 */
public record PatientRanking(int patients, int hemorrhagePatients, double auc, Interval ci) {

    public static PatientRanking of(int[] truth, float[][] probs, List<String> patients, Bootstrap bootstrap) {
        Probabilities.requireSameLength(truth, probs);
        PatientScores byPatient = PatientScores.of(truth, probs, patients);
        double[] scores = byPatient.highest().values().stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] positive = new boolean[scores.length];
        int k = 0, positives = 0;
        for (boolean h : byPatient.hemorrhage().values()) {
            positive[k++] = h;
            if (h) positives++;
        }
        return new PatientRanking(scores.length, positives, Roc.auc(scores, positive), bootstrap.aucOfUnits(scores, positive));
    }
}
