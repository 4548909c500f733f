package org.ichnet.cv;

import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Criterion;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.WeightGrid;
import org.ichnet.evaluate.Predictions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SeedAverageTest {
    private static final List<String> IDS = List.of("1/1", "1/2", "2/1", "2/2");
    private static final int[] TRUTH = {0, 1, 0, 2};

    /** Every family predicts {@code hit} for the true class, the rest spread evenly. */
    private static Predictions predictions(List<String> ids, float hit1, float hit2, float hit3) {
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        float[] hits = {hit1, hit2, hit3};
        for (int m = 0; m < 3; m++) {
            float[][] rows = new float[ids.size()][4];
            for (int i = 0; i < rows.length; i++) {
                java.util.Arrays.fill(rows[i], (1 - hits[m]) / 3);
                rows[i][TRUTH[i]] = hits[m];
            }
            probs.put("model" + (m + 1), rows);
        }
        return new Predictions(ids, ids.stream().map(id -> id.split("/")[0]).toList(), TRUTH, probs);
    }

    private static FoldResult fold(Predictions p, double seconds) {
        return new FoldResult(2, p, p, new double[]{1, 1, 1}, new double[]{1, 1, 1}, seconds);
    }

    @Test
    void eachFamilyIsTheMeanOfItsSeedsAndTheEnsembleUsesWeightsSearchedOnTheAveragedValidation() {
        FoldResult a = fold(predictions(IDS, 0.9f, 0.3f, 0.5f), 10), b = fold(predictions(IDS, 0.5f, 0.7f, 0.1f), 5);
        FoldResult avg = SeedAverage.of(List.of(a, b), WeightGrid.DEFAULT, Criterion.MACRO_F1);

        assertEquals(2, avg.fold());
        assertEquals(15, avg.trainingSeconds());
        assertEquals(0.7f, avg.test().of("model1")[1][1], 1e-6);
        assertEquals(0.5f, avg.test().of("model2")[3][2], 1e-6);
        assertEquals(0.3f, avg.validation().of("model3")[0][0], 1e-6);
        assertEquals((1 - 0.7f) / 3, avg.test().of("model1")[1][0], 1e-6);
        float[][] expected = Ensemble.combine(List.of(avg.test().of("model1"), avg.test().of("model2"),
                avg.test().of("model3")), avg.averageWeights(), Combiner.WEIGHTED_AVERAGE);
        assertArrayEquals(expected[3], avg.test().of("weightedAverage")[3], 1e-6f);
        assertNotEquals(List.of(1.0, 1.0, 1.0), java.util.Arrays.stream(avg.averageWeights()).boxed().toList(),
                "weights were searched again, not copied from a member");
    }

    @Test
    void membersThatPredictedOtherSlicesAreRefused() {
        FoldResult a = fold(predictions(IDS, 0.9f, 0.3f, 0.5f), 1);
        FoldResult b = fold(predictions(List.of("1/1", "1/2", "2/1", "3/1"), 0.9f, 0.3f, 0.5f), 1);
        assertThrows(IllegalStateException.class, () -> SeedAverage.of(List.of(a, b), WeightGrid.DEFAULT,
                Criterion.MACRO_F1));
    }
}
