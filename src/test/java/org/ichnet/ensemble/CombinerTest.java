package org.ichnet.ensemble;

import org.ichnet.evaluate.Probabilities;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CombinerTest {
    /*
     * One slice, equal weights. Models 1 and 2 lean NORMAL (0.5 vs ICH 0.4); model 3 is sure of ICH.
     * Vote: NORMAL 2/3, ICH 1/3 -> NORMAL. Average: NORMAL (0.5+0.5+0)/3 = 1/3, ICH (0.4+0.4+1)/3 = 0.6 -> ICH.
     */
    private static final List<float[][]> PROBS = List.of(
            new float[][]{{0.5f, 0.4f, 0.05f, 0.05f}},
            new float[][]{{0.5f, 0.4f, 0.05f, 0.05f}},
            new float[][]{{0.0f, 1.0f, 0.0f, 0.0f}});
    private static final double[] EQUAL = {1, 1, 1};

    @Test
    void voteAndAverageDisagreeOnHandMadeSlice() {
        float[] vote = Ensemble.combine(PROBS, EQUAL, Combiner.WEIGHTED_SUM)[0];
        float[] average = Ensemble.combine(PROBS, EQUAL, Combiner.WEIGHTED_AVERAGE)[0];
        assertEquals(0, Probabilities.argmax(vote));
        assertEquals(1, Probabilities.argmax(average));
        assertArrayEquals(new float[]{1f / 3, 0.6f, 1f / 30, 1f / 30}, average, 1e-6f);
        assertEquals(2.0 / 3, vote[0], 1e-3, "vote share of NORMAL");
        assertEquals(1.0, vote[0] + vote[1] + vote[2] + vote[3], 1e-6);
    }

    @Test
    void averageIgnoresTheScaleOfTheWeights() {
        assertArrayEquals(Ensemble.combine(PROBS, new double[]{0.2, 0.1, 0.4}, Combiner.WEIGHTED_AVERAGE)[0],
                Ensemble.combine(PROBS, new double[]{0.4, 0.2, 0.8}, Combiner.WEIGHTED_AVERAGE)[0], 1e-7f);
    }

    @Test
    void tiedVoteIsBrokenByTheAverageProbability() {
        // weights 0.1+0.2 for NORMAL (models 1, 2) and 0.3 for ICH (model 3): a tie, despite 0.1+0.2 != 0.3 in
        // doubles. Average: NORMAL (0.05+0.1)/0.6 = 0.25, ICH (0.04+0.08+0.3)/0.6 = 0.7 -> ICH wins the tie.
        float[] vote = Ensemble.combine(PROBS, new double[]{0.1, 0.2, 0.3}, Combiner.WEIGHTED_SUM)[0];
        assertEquals(1, Probabilities.argmax(vote));
        assertEquals(0.5, vote[1], 1e-3);
    }

    @Test
    void allZeroWeightsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Ensemble.combine(PROBS, new double[]{0, 0, 0}, Combiner.WEIGHTED_AVERAGE));
    }
}
