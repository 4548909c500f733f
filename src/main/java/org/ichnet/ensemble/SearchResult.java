package org.ichnet.ensemble;

/**
 * The chosen weights (as on the grid, e.g. 0.2, 0.1, 0.4), the same scaled to sum 1, the criterion's value on
 * validation, and the number of distinct weight directions evaluated.
 */
public record SearchResult(double[] weights, double[] normalizedWeights, double score, int candidatesTried,
                           Combiner combiner, Criterion criterion) {
}
