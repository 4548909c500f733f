package org.ichnet.evaluate;

import org.junit.jupiter.api.Test;

import static org.ichnet.data.HemorrhageClass.EDH;
import static org.ichnet.data.HemorrhageClass.ICH;
import static org.ichnet.data.HemorrhageClass.NORMAL;
import static org.ichnet.data.HemorrhageClass.SDH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private static final double EPS = 1e-9;

    /*
     * 10 slices (0 NORMAL, 1 ICH, 2 SDH, 3 EDH):
     *   truth     0 0 0 0 1 1 2 2 3 3
     *   predicted 0 0 0 1 1 3 2 0 3 3
     * Confusion (rows true): NORMAL [3 1 0 0], ICH [0 1 0 1], SDH [1 0 1 0], EDH [0 0 0 2]; accuracy 7/10.
     *            TP FP FN TN  precision sensitivity specificity F1=2TP/(2TP+FP+FN)
     *   NORMAL    3  1  1  5  3/4       3/4         5/6         6/8
     *   ICH       1  1  1  7  1/2       1/2         7/8         2/4
     *   SDH       1  0  1  8  1         1/2         1           2/3
     *   EDH       2  1  0  7  2/3       1           7/8         4/5
     * macro-F1 = (3/4 + 1/2 + 2/3 + 4/5) / 4; weighted-F1 = (4*3/4 + 2*1/2 + 2*2/3 + 2*4/5) / 10.
     * Any-hemorrhage score = 1 - p(NORMAL) = 0.3 if predicted NORMAL else 0.9. Negatives (slices 0-3) score
     * 0.3 0.3 0.3 0.9; positives 0.9 x5 and 0.3 (slice 7). Pairs 6*4 = 24; each 0.9 positive beats three
     * negatives and ties one: 5 * 3.5; the 0.3 positive ties three: 1.5. AUC = 19/24.
     */
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3};
    private static final float[][] PROBS = Rows.predicting(0, 0, 0, 1, 1, 3, 2, 0, 3, 3);

    @Test
    void confusionMatrixMatchesHandCount() {
        ModelMetrics m = Metrics.compute(TRUTH, PROBS);
        assertArrayEquals(new int[][]{{3, 1, 0, 0}, {0, 1, 0, 1}, {1, 0, 1, 0}, {0, 0, 0, 2}}, m.confusion().toArray());
        assertEquals(0.7, m.accuracy(), EPS);
    }

    @Test
    void perClassMetricsMatchHandComputation() {
        ModelMetrics m = Metrics.compute(TRUTH, PROBS);
        assertClass(m.of(NORMAL), 3.0 / 4, 3.0 / 4, 5.0 / 6, 6.0 / 8, 4);
        assertClass(m.of(ICH), 1.0 / 2, 1.0 / 2, 7.0 / 8, 2.0 / 4, 2);
        assertClass(m.of(SDH), 1.0, 1.0 / 2, 1.0, 2.0 / 3, 2);
        assertClass(m.of(EDH), 2.0 / 3, 1.0, 7.0 / 8, 4.0 / 5, 2);
    }

    @Test
    void averagesMatchHandComputation() {
        ModelMetrics m = Metrics.compute(TRUTH, PROBS);
        assertEquals((3.0 / 4 + 1.0 / 2 + 2.0 / 3 + 4.0 / 5) / 4, m.macroF1(), EPS);
        assertEquals((4 * 3.0 / 4 + 2 * 1.0 / 2 + 2 * 2.0 / 3 + 2 * 4.0 / 5) / 10, m.weightedF1(), EPS);
        assertEquals((3.0 / 4 + 1.0 / 2 + 1.0 + 2.0 / 3) / 4, m.macroPrecision(), EPS);
        assertEquals((3.0 / 4 + 1.0 / 2 + 1.0 / 2 + 1.0) / 4, m.macroSensitivity(), EPS);
        assertEquals((5.0 / 6 + 7.0 / 8 + 1.0 + 7.0 / 8) / 4, m.macroSpecificity(), EPS);
    }

    @Test
    void anyHemorrhageAucCountsTiesAsHalf() {
        ModelMetrics m = Metrics.compute(TRUTH, PROBS);
        assertEquals(19.0 / 24, m.anyHemorrhageAuc(), EPS);
        // two distinct scores: (0,0), threshold 0.9 -> TPR 5/6 FPR 1/4, threshold 0.3 -> (1,1)
        assertEquals(3, m.anyHemorrhageRoc().size());
        assertEquals(5.0 / 6, m.anyHemorrhageRoc().get(1).truePositiveRate(), EPS);
        assertEquals(1.0 / 4, m.anyHemorrhageRoc().get(1).falsePositiveRate(), EPS);
    }

    @Test
    void undefinedRatiosAreNaNAndSkippedInMacroAverages() {
        // only NORMAL and ICH occur, SDH/EDH never true nor predicted: their F1, precision, sensitivity are 0/0
        ModelMetrics m = Metrics.compute(new int[]{0, 0, 1, 1}, Rows.predicting(0, 1, 1, 1));
        assertTrue(Double.isNaN(m.of(SDH).f1()));
        assertTrue(Double.isNaN(m.of(SDH).precision()));
        assertTrue(Double.isNaN(m.of(EDH).sensitivity()));
        assertTrue(Double.isNaN(m.of(EDH).auc()));
        assertEquals(1.0, m.of(SDH).specificity(), EPS);
        // NORMAL F1 = 2/(2+0+1), ICH F1 = 4/(4+1+0); macro over the two defined classes
        assertEquals((2.0 / 3 + 4.0 / 5) / 2, m.macroF1(), EPS);
    }

    private static void assertClass(ClassMetrics c, double precision, double sensitivity, double specificity,
                                    double f1, int support) {
        assertEquals(precision, c.precision(), EPS, "precision");
        assertEquals(sensitivity, c.sensitivity(), EPS, "sensitivity");
        assertEquals(specificity, c.specificity(), EPS, "specificity");
        assertEquals(f1, c.f1(), EPS, "f1");
        assertEquals(support, c.support(), "support");
    }
}
