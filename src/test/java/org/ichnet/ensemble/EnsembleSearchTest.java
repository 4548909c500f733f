package org.ichnet.ensemble;

import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.ModelMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EnsembleSearchTest {
    /*
     * Two validation slices; model 2 always says SDH (wrong), so any weight on it only lowers p(true class).
     * With w2 = 0 and r = w1 / (w1 + w3) the average predicts:
     *   slice 1 (NORMAL): m1 (1, 0), m3 (0.275, 0.725): NORMAL wins iff 0.275 + 0.725 r > 0.5 iff r > 0.3103
     *   slice 2 (ICH):    m1 (1, 0), m3 (0.23, 0.77):   ICH wins iff 0.77 (1 - r) > 0.5 iff r < 0.3506
     * Adding w2 > 0 only adds SDH mass, which cannot help. On the 0..0.5 grid the only ratio in (0.3103, 0.3506)
     * is r = 1/3 (1:2 or 2:4; 2:5 = 0.286 and 3:5 = 0.375 fall outside), so every perfect candidate has
     * w1:w3 = 1:2. (0.2, 0.1, 0.4) is perfect too, but its SDH mass lowers the log-likelihood tie-break, and
     * (0.2, 0, 0.4) is the same direction as (0.1, 0, 0.2) with a larger sum. Known best: (0.1, 0.0, 0.2).
     */
    private static final List<float[][]> VALIDATION = List.of(
            new float[][]{{1f, 0f, 0f, 0f}, {1f, 0f, 0f, 0f}},
            new float[][]{{0f, 0f, 1f, 0f}, {0f, 0f, 1f, 0f}},
            new float[][]{{0.275f, 0.725f, 0f, 0f}, {0.23f, 0.77f, 0f, 0f}});
    private static final int[] VALIDATION_TRUTH = {0, 1};

    @Test
    void findsTheKnownBestWeightsOnHandMadeValidationData() {
        for (Criterion criterion : Criterion.values()) {
            SearchResult r = EnsembleSearch.search(VALIDATION, VALIDATION_TRUTH, WeightGrid.DEFAULT,
                    Combiner.WEIGHTED_AVERAGE, criterion);
            assertArrayEquals(new double[]{0.1, 0.0, 0.2}, r.weights(), 0.0, criterion.name());
            assertArrayEquals(new double[]{1.0 / 3, 0.0, 2.0 / 3}, r.normalizedWeights(), 1e-12);
            assertEquals(1.0, r.score(), 0.0);
            assertEquals(175, r.candidatesTried());
        }
    }

    @Test
    void theEqualGridAveragesWithoutSearchingEvenWhenOtherWeightsScoreHigher() {
        SearchResult r = EnsembleSearch.search(VALIDATION, VALIDATION_TRUTH, WeightGrid.EQUAL,
                Combiner.WEIGHTED_AVERAGE, Criterion.MACRO_F1);
        assertArrayEquals(new double[]{1.0 / 3, 1.0 / 3, 1.0 / 3}, r.normalizedWeights(), 1e-12);
        assertFalse(r.searched());
        assertTrue(EnsembleSearch.search(VALIDATION, VALIDATION_TRUTH, WeightGrid.DEFAULT,
                Combiner.WEIGHTED_AVERAGE, Criterion.MACRO_F1).searched());
        assertTrue(r.score() < 1.0, "equal weights misclassify a validation slice here: " + r.score());
    }

    @Test
    void paperWeightsAreAlsoPerfectHereButLoseTheTieBreak() {
        float[][] paper = Ensemble.combine(VALIDATION, PaperWeights.WEIGHTS, Combiner.WEIGHTED_AVERAGE);
        float[][] chosen = Ensemble.combine(VALIDATION, new double[]{0.1, 0, 0.2}, Combiner.WEIGHTED_AVERAGE);
        assertEquals(1.0, Metrics.compute(VALIDATION_TRUTH, paper).accuracy(), 0.0);
        assertEquals(1, Double.compare(EnsembleSearch.meanLogLikelihood(chosen, VALIDATION_TRUTH),
                EnsembleSearch.meanLogLikelihood(paper, VALIDATION_TRUTH)));
    }

    @Test
    void chosenWeightsDoNotDependOnAnyTestData() {
        SearchResult before = EnsembleSearch.search(VALIDATION, VALIDATION_TRUTH, WeightGrid.DEFAULT,
                Combiner.WEIGHTED_AVERAGE, Criterion.MACRO_F1);
        // two different "test" sets: on the second, model 2 is the only correct model
        List<float[][]> testA = VALIDATION;
        List<float[][]> testB = List.of(
                new float[][]{{0f, 0f, 0f, 1f}}, new float[][]{{0f, 0f, 1f, 0f}}, new float[][]{{0f, 0f, 0f, 1f}});
        ModelMetrics onA = Metrics.compute(VALIDATION_TRUTH, Ensemble.combine(testA, before.weights(), Combiner.WEIGHTED_AVERAGE));
        ModelMetrics onB = Metrics.compute(new int[]{2}, Ensemble.combine(testB, before.weights(), Combiner.WEIGHTED_AVERAGE));
        assertNotEquals(onA.accuracy(), onB.accuracy());
        SearchResult after = EnsembleSearch.search(VALIDATION, VALIDATION_TRUTH, WeightGrid.DEFAULT,
                Combiner.WEIGHTED_AVERAGE, Criterion.MACRO_F1);
        assertArrayEquals(before.weights(), after.weights(), 0.0);
    }

    @Test
    void voteSearchPrefersTheSimplestWinningDirection() {
        // Both slices NORMAL: model 1 votes NORMAL, model 2 SDH, model 3 ICH. Perfect iff model 1's vote is not
        // outweighed; all perfect candidates tie on both criteria, so the smallest sum wins: (0.1, 0, 0)
        SearchResult r = EnsembleSearch.search(VALIDATION, new int[]{0, 0}, WeightGrid.DEFAULT,
                Combiner.WEIGHTED_SUM, Criterion.ACCURACY);
        assertArrayEquals(new double[]{0.1, 0.0, 0.0}, r.weights(), 0.0);
        assertEquals(1.0, r.score(), 0.0);
        assertEquals(Combiner.WEIGHTED_SUM, r.combiner());
    }
}
