package org.ichnet.cv;

import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Criterion;
import org.ichnet.ensemble.EnsembleSearch;
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
        // what the search must see: each family's mean over the two seeds, built here rather than taken from avg
        Predictions means = predictions(IDS, 0.7f, 0.5f, 0.3f);
        List<float[][]> families = List.of(means.of("model1"), means.of("model2"), means.of("model3"));
        double[] searched = EnsembleSearch.search(families, TRUTH, WeightGrid.DEFAULT, Combiner.WEIGHTED_AVERAGE,
                Criterion.MACRO_F1).weights();
        assertArrayEquals(searched, avg.averageWeights(), 1e-12,
                "searched on the averaged validation, not the members' (1, 1, 1), which is not on the grid");
        double total = searched[0] + searched[1] + searched[2];
        for (int c = 0; c < 4; c++) {
            double mixed = 0;
            for (int m = 0; m < 3; m++) mixed += searched[m] * families.get(m)[3][c] / total;
            assertEquals(mixed, avg.test().of("weightedAverage")[3][c], 1e-6, "class " + c);
        }
    }

    @Test
    void membersThatPredictedOtherSlicesAreRefused() {
        FoldResult a = fold(predictions(IDS, 0.9f, 0.3f, 0.5f), 1);
        FoldResult b = fold(predictions(List.of("1/1", "1/2", "2/1", "3/1"), 0.9f, 0.3f, 0.5f), 1);
        assertThrows(IllegalStateException.class, () -> SeedAverage.of(List.of(a, b), WeightGrid.DEFAULT,
                Criterion.MACRO_F1));
    }
}
