package org.ichnet.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per patient (in order of first appearance): the highest slice any-hemorrhage score 1 - p(NORMAL),
 * and whether any of its slices is a hemorrhage.
 */
record PatientScores(Map<String, Double> highest, Map<String, Boolean> hemorrhage) {

    static PatientScores of(int[] truth, float[][] probs, List<String> patients) {
        Map<String, Double> highest = new LinkedHashMap<>();
        Map<String, Boolean> hemorrhage = new LinkedHashMap<>();
        for (int i = 0; i < truth.length; i++) {
            highest.merge(patients.get(i), Probabilities.anyHemorrhageScore(probs[i]), Math::max);
            hemorrhage.merge(patients.get(i), Probabilities.isHemorrhage(truth[i]), Boolean::logicalOr);
        }
        return new PatientScores(highest, hemorrhage);
    }
}
