package org.ichnet.report;

import org.ichnet.ensemble.Criterion;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.ensemble.WeightGrid;

/**
 * The grid of ensemble weights (a one-point grid: equal weights), the weights chosen from it on validation
 * for each combiner, and the paper's weights (0.2, 0.1, 0.4) evaluated on the same test set as our models.
 * {@code paperWeightsSum} may be null.
 */
public record EnsembleSummary(Criterion criterion, WeightGrid grid, SearchResult weightedAverage, SearchResult weightedSum,
                              ModelResult paperWeightsAverage, ModelResult paperWeightsSum) {
}
