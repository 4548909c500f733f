package org.ichnet.report;

import org.ichnet.ensemble.Criterion;
import org.ichnet.ensemble.SearchResult;

/**
 * Weights searched on validation for each combiner, and the paper's weights (0.2, 0.1, 0.4) evaluated on the
 * same test set as our models. {@code paperWeightsSum} may be null.
 */
public record EnsembleSummary(Criterion criterion, SearchResult weightedAverage, SearchResult weightedSum,
                              ModelResult paperWeightsAverage, ModelResult paperWeightsSum) {
}
