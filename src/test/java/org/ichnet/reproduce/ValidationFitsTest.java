package org.ichnet.reproduce;

import org.ichnet.evaluate.PatientDecision;
import org.ichnet.evaluate.PatientDecisions;
import org.ichnet.evaluate.Predictions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A subset of the test patients (one source's) is decided at the operating points the pooled decision used. */
class ValidationFitsTest {

    @Test
    void decisionOnSomePatientsUsesTheirFoldsThreshold() {
        // fold 1's validation puts the threshold at 0.6, fold 2's at 0.3
        Predictions val1 = predictions(List.of("a:v1", "a:v2"), new int[]{1, 0}, new float[]{0.6f, 0.1f});
        Predictions val2 = predictions(List.of("b:v3", "b:v4"), new int[]{1, 0}, new float[]{0.3f, 0.1f});
        // a patient scoring 0.4 is negative in fold 1 and positive in fold 2
        Predictions test1 = predictions(List.of("a:t1", "b:t2"), new int[]{1, 0}, new float[]{0.4f, 0.4f});
        Predictions test2 = predictions(List.of("a:t3", "b:t4"), new int[]{1, 0}, new float[]{0.4f, 0.4f});
        ValidationFits fits = ValidationFits.pooled(List.of(val1, val2), List.of(test1, test2));

        PatientDecision pooled = fits.decisions().get("m");
        PatientDecision all = fits.decisionOn("m", concat(test1, test2));
        assertEquals(List.of(pooled.truePositives(), pooled.falseNegatives(), pooled.trueNegatives(), pooled.falsePositives()),
                List.of(all.truePositives(), all.falseNegatives(), all.trueNegatives(), all.falsePositives()));
        assertEquals(List.of(1, 1, 1, 1), List.of(all.truePositives(), all.falseNegatives(), all.trueNegatives(), all.falsePositives()));

        Predictions sourceA = concat(test1, test2).rows(i -> i % 2 == 0); // a:t1 (fold 1), a:t3 (fold 2)
        PatientDecision a = fits.decisionOn("m", sourceA);
        assertEquals(1, a.truePositives());
        assertEquals(List.of("a:t1"), a.missedPatients());
        PatientDecision oneFold = fits.decisionOn("m", test1.rows(i -> i == 0));
        assertEquals(0.6, oneFold.threshold(), 1e-6);
        assertEquals(PatientDecisions.byThreshold(new int[]{1}, test1.rows(i -> i == 0).of("m"), List.of("a:t1"), 0.6f)
                .falseNegatives(), oneFold.falseNegatives());
    }

    /** One slice per patient; score = p(any hemorrhage), the rest on NORMAL. */
    private static Predictions predictions(List<String> patients, int[] truth, float[] score) {
        float[][] p = new float[truth.length][];
        for (int i = 0; i < truth.length; i++) p[i] = new float[]{1 - score[i], score[i], 0, 0};
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        probs.put("m", p);
        return new Predictions(patients.stream().map(x -> x + "/1").toList(), patients, truth, probs);
    }

    private static Predictions concat(Predictions a, Predictions b) {
        return org.ichnet.cv.OutOfFold.pool(List.of(a, b));
    }
}
