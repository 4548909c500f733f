package org.ichnet.evaluate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WithinLevelAucTest {
    private static float[] hemorrhageScore(double s) {
        return new float[]{(float) (1 - s), (float) s, 0, 0};
    }

    /** Eight patients of 20 slices; hemorrhage only in the middle fifth of each scan, on alternate slices. */
    private static final int PATIENTS = 8, SLICES = 20;

    private static int[] truth() {
        int[] truth = new int[PATIENTS * SLICES];
        for (int p = 0; p < PATIENTS; p++) {
            for (int s = 8; s < 12; s += 2) truth[p * SLICES + s + p % 2] = 1;
        }
        return truth;
    }

    private static double[] levels() {
        double[] levels = new double[PATIENTS * SLICES];
        for (int i = 0; i < levels.length; i++) levels[i] = (i % SLICES) / (double) (SLICES - 1);
        return levels;
    }

    private static List<String> patients() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < PATIENTS * SLICES; i++) out.add("p" + i / SLICES);
        return out;
    }

    @Test
    void aScoreThatOnlyKnowsTheLevelRanksSlicesWellButNotWithinALevel() {
        int[] truth = truth();
        double[] levels = levels();
        float[][] byLevel = new float[truth.length][];
        for (int i = 0; i < truth.length; i++) byLevel[i] = hemorrhageScore(1 - Math.abs(levels[i] - 0.5));
        double sliceAuc = Roc.auc(Probabilities.anyHemorrhageScores(byLevel), Metrics.anyHemorrhage(truth));
        WithinLevelAuc within = WithinLevelAuc.of(truth, byLevel, levels, patients(), new Bootstrap(200, 1));
        assertTrue(sliceAuc > 0.9, "slice AUC " + sliceAuc);
        // the two slices of a tenth sit at different distances from the middle: the level-only score still
        // orders some pairs within a tenth, but no better than chance over both parities
        assertEquals(0.5, within.auc(), 1e-12);
        assertEquals(WithinLevelAuc.LEVEL_BINS, within.levelBins());
    }

    @Test
    void aScoreThatSeesTheBloodIsPerfectWithinEveryLevel() {
        int[] truth = truth();
        float[][] seeing = new float[truth.length][];
        for (int i = 0; i < truth.length; i++) seeing[i] = hemorrhageScore(truth[i] == 1 ? 0.6 : 0.4);
        WithinLevelAuc within = WithinLevelAuc.of(truth, seeing, levels(), patients(), new Bootstrap(200, 1));
        assertEquals(1.0, within.auc(), 1e-12);
        assertEquals(1.0, within.ci().lo(), 1e-12);
        assertEquals(0.6, within.hemorrhageMeanScore()[4], 1e-6, "tenth 4 holds slices 8 and 9 of each scan");
        assertEquals(0.4, within.normalMeanScore()[0], 1e-6);
        assertTrue(Double.isNaN(within.hemorrhageMeanScore()[0]), "no hemorrhage in the lowest tenth");
    }

    @Test
    void aNoisyScoreGetsAnIntervalAroundItsValue() {
        int[] truth = truth();
        java.util.Random random = new java.util.Random(3);
        float[][] noisy = new float[truth.length][];
        for (int i = 0; i < truth.length; i++) noisy[i] = hemorrhageScore(0.2 * truth[i] + 0.6 * random.nextDouble());
        WithinLevelAuc within = WithinLevelAuc.of(truth, noisy, levels(), patients(), new Bootstrap(300, 1));
        assertTrue(within.auc() > 0.6 && within.auc() < 0.95, "some evidence, not perfect: " + within.auc());
        assertTrue(within.ci().lo() < within.auc() && within.auc() < within.ci().hi(), within.ci().toString());
        float[][] broken = noisy.clone();
        broken[0] = new float[]{Float.NaN, 0, 0, 0};
        assertThrows(IllegalArgumentException.class, () -> WithinLevelAuc.of(truth, broken, levels(), patients(),
                new Bootstrap(10, 1)), "a NaN score is refused, not looped on");
    }

    @Test
    void withoutBothClassesInAnyTenthItIsUndefined() {
        int[] truth = {1, 0};
        float[][] probs = {hemorrhageScore(0.9), hemorrhageScore(0.1)};
        WithinLevelAuc within = WithinLevelAuc.of(truth, probs, new double[]{0.0, 1.0}, List.of("a", "b"), new Bootstrap(50, 1));
        assertTrue(Double.isNaN(within.auc()));
    }

    @Test
    void theLevelPriorIsTheSmoothedHemorrhageRatePerTenth() {
        LevelPrior prior = LevelPrior.fit(new double[]{0.51, 0.55, 0.58, 0.05}, new boolean[]{true, true, false, false});
        assertEquals((2 + 1) / 5.0, prior.score(0.5), 1e-12);
        assertEquals((0 + 1) / 3.0, prior.score(0.0), 1e-12);
        assertEquals(0.5, prior.score(1.0), 1e-12, "an empty tenth");
    }
}
