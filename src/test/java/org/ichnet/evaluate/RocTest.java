package org.ichnet.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RocTest {
    private static final double EPS = 1e-12;

    @Test
    void perfectRankingIsOne() {
        assertEquals(1.0, Roc.auc(new double[]{0.1, 0.2, 0.8, 0.9}, new boolean[]{false, false, true, true}), EPS);
    }

    @Test
    void reversedRankingIsZero() {
        assertEquals(0.0, Roc.auc(new double[]{0.9, 0.8, 0.2, 0.1}, new boolean[]{false, false, true, true}), EPS);
    }

    @Test
    void allTiedIsOneHalf() {
        assertEquals(0.5, Roc.auc(new double[]{0.4, 0.4, 0.4, 0.4}, new boolean[]{false, true, false, true}), EPS);
    }

    @Test
    void mixedCaseMatchesPairCount() {
        // positives 0.35, 0.8; negatives 0.1, 0.4: pairs (0.35>0.1) (0.35<0.4) (0.8>0.1) (0.8>0.4) -> 3/4
        assertEquals(0.75, Roc.auc(new double[]{0.1, 0.4, 0.35, 0.8}, new boolean[]{false, false, true, true}), EPS);
    }

    @Test
    void oneClassOnlyIsNaN() {
        assertTrue(Double.isNaN(Roc.auc(new double[]{0.1, 0.2}, new boolean[]{true, true})));
    }

    @Test
    void multiplicitiesCountSamplesRepeatedly() {
        // positive 0.35 drawn twice, negative 0.4 once, others once: pairs 3 pos x 2 neg = 6;
        // correct: 0.35 beats 0.1 (x2), 0.8 beats both -> 4/6
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] positive = {false, false, true, true};
        assertEquals(4.0 / 6, Roc.auc(Roc.ascendingOrder(scores), scores, positive, new int[]{1, 1, 2, 1}), EPS);
    }

    @Test
    void curveStepsThroughEveryDistinctScore() {
        List<RocPoint> curve = Roc.curve(new double[]{0.1, 0.4, 0.35, 0.8}, new boolean[]{false, false, true, true});
        double[][] expected = {{0, 0}, {0, 0.5}, {0.5, 0.5}, {0.5, 1}, {1, 1}};
        assertEquals(expected.length, curve.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], curve.get(i).falsePositiveRate(), EPS);
            assertEquals(expected[i][1], curve.get(i).truePositiveRate(), EPS);
        }
        assertEquals(0.8, curve.get(1).threshold(), EPS);
    }
}
