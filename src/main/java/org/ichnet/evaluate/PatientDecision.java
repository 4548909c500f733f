package org.ichnet.evaluate;

import java.util.List;

/**
 * Patient-level outcome: a patient is called positive if any of their slices is. {@code threshold} is NaN for
 * the argmax rule (a slice is positive when its predicted class is not NORMAL). A hemorrhage patient is one
 * with at least one hemorrhage slice.
 */
public record PatientDecision(String rule, double threshold, int truePositives, int falseNegatives,
                              int trueNegatives, int falsePositives, List<String> missedPatients) {

    public int patients() {
        return truePositives + falseNegatives + trueNegatives + falsePositives;
    }

    public int hemorrhagePatients() {
        return truePositives + falseNegatives;
    }

    public double sensitivity() {
        return ConfusionMatrix.ratio(truePositives, truePositives + falseNegatives);
    }

    public double specificity() {
        return ConfusionMatrix.ratio(trueNegatives, trueNegatives + falsePositives);
    }
}
