package org.ichnet.ensemble;

import java.util.List;

/**
 * How the models' softmax outputs are combined. Σ wᵢpᵢ and Σ wᵢpᵢ / Σ wᵢ always share their argmax, so a
 * "weighted sum" of probabilities could never score a different accuracy from the weighted average, yet the
 * paper reports two (94.21% vs 95.86%). We therefore make the two variants really differ:
 * <ul>
 *   <li>{@link #WEIGHTED_SUM}: a weighted <em>vote</em>. Each model votes for its own argmax class with its
 *   weight; a class's score is the sum of the weights voting for it, divided by Σ w. Ties between classes are
 *   broken by the weighted-average probability, which is also blended in with a tiny per-row factor (smaller
 *   than half the smallest gap between distinct vote scores) so rankings for AUC are not all ties.</li>
 *   <li>{@link #WEIGHTED_AVERAGE}: Σ wᵢpᵢ / Σ wᵢ of the probabilities, the paper's WA2D-CNN.</li>
 * </ul>
 * Both are invariant to scaling the weights, so only their direction matters.
 */
public enum Combiner {
    WEIGHTED_SUM("weightedSum"),
    WEIGHTED_AVERAGE("weightedAverage");

    private final String modelName;

    Combiner(String modelName) {
        this.modelName = modelName;
    }

    /** Name used in predictions, metrics.json and the report. */
    public String modelName() {
        return modelName;
    }

    float[][] combine(List<float[][]> probs, double[] weights) {
        return this == WEIGHTED_AVERAGE ? WeightedAverage.combine(probs, weights) : WeightedVote.combine(probs, weights);
    }
}
