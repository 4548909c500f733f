package org.ichnet.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PatientRankingTest {
    private static float[] normal(float p) {
        return new float[]{p, 1 - p, 0, 0};
    }

    @Test
    void aPatientIsScoredByItsHighestSliceAndRankedAgainstTheOtherPatients() {
        // patient a (ICH): best slice 0.6; b (normal): one mid-scan slice scores 0.7; c (normal): 0.2 at most
        int[] truth = {0, 1, 0, 0, 0, 0};
        float[][] probs = {normal(0.9f), normal(0.4f), normal(0.95f), normal(0.3f), normal(0.8f), normal(0.85f)};
        List<String> patients = List.of("a", "a", "b", "b", "c", "c");
        PatientRanking r = PatientRanking.of(truth, probs, patients, new Bootstrap(200, 1));
        assertEquals(3, r.patients());
        assertEquals(1, r.hemorrhagePatients());
        assertEquals(0.5, r.auc(), 1e-12, "a (0.6) outranks c (0.2) but not b (0.7)");
        // the slice-level AUC of the same predictions is higher: the ICH slice outranks 4 of 5 normal slices
        assertEquals(0.8, Roc.auc(Probabilities.anyHemorrhageScores(probs), Metrics.anyHemorrhage(truth)), 1e-12);
        assertTrue(r.ci().lo() <= r.auc() && r.auc() <= r.ci().hi(), r.ci().toString());
    }
}
