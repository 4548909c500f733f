package org.ichnet.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatientDecisionsTest {
    /*
     * Patients (slice truth, p(NORMAL)) -> any-hemorrhage score 1 - p(NORMAL):
     *   A hemorrhage: (ICH, 0.30 -> 0.70), (NORMAL, 0.90 -> 0.10)       max 0.70
     *   B hemorrhage: (EDH, 0.60 -> 0.40), (NORMAL, 0.80 -> 0.20)       max 0.40, argmax NORMAL everywhere
     *   C normal:     (NORMAL, 0.55 -> 0.45), (NORMAL, 0.95 -> 0.05)    max 0.45
     *   D normal:     (NORMAL, 0.97 -> 0.03)                            max 0.03
     */
    private static final int[] TRUTH = {1, 0, 3, 0, 0, 0, 0};
    private static final List<String> PATIENTS = List.of("A", "A", "B", "B", "C", "C", "D");
    private static final float[][] PROBS = {
            {0.30f, 0.50f, 0.10f, 0.10f}, {0.90f, 0.05f, 0.03f, 0.02f},
            {0.60f, 0.10f, 0.05f, 0.25f}, {0.80f, 0.10f, 0.05f, 0.05f},
            {0.55f, 0.40f, 0.03f, 0.02f}, {0.95f, 0.03f, 0.01f, 0.01f},
            {0.97f, 0.01f, 0.01f, 0.01f}};

    @Test
    void argmaxRuleMissesPatientWhoseSlicesAllLookNormal() {
        PatientDecision d = PatientDecisions.byArgmax(TRUTH, PROBS, PATIENTS);
        assertEquals(1, d.truePositives());
        assertEquals(1, d.falseNegatives());
        assertEquals(2, d.trueNegatives());
        assertEquals(0, d.falsePositives());
        assertEquals(0.5, d.sensitivity(), 1e-12);
        assertEquals(1.0, d.specificity(), 1e-12);
        assertEquals(List.of("B"), d.missedPatients());
    }

    @Test
    void fullSensitivityThresholdIsTheWeakestHemorrhagePatientsTopScore() {
        double threshold = PatientDecisions.thresholdForFullSensitivity(TRUTH, PROBS, PATIENTS);
        assertEquals(1 - 0.60f, threshold, 1e-12); // patient B's best slice
        PatientDecision d = PatientDecisions.byThreshold(TRUTH, PROBS, PATIENTS, threshold);
        assertEquals(1.0, d.sensitivity(), 1e-12);
        // C (0.45) is flagged too, D (0.03) is not
        assertEquals(1, d.falsePositives());
        assertEquals(1, d.trueNegatives());
        assertEquals(4, d.patients());
    }
}
