package org.ichnet.ensemble;

/**
 * The chosen weights (as on the grid, e.g. 0.2, 0.1, 0.4), the same scaled to sum 1, the criterion's value on
 * validation, and the number of distinct weight directions evaluated.
 */
public record SearchResult(double[] weights, double[] normalizedWeights, double score, int candidatesTried,
                           Combiner combiner, Criterion criterion) {

    /** False for a one-point grid such as {@link WeightGrid#EQUAL}: the weights were given, not chosen. */
    public boolean searched() {
        return candidatesTried > 1;
    }
}
