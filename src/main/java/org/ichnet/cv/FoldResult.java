package org.ichnet.cv;

import org.ichnet.evaluate.Predictions;

/** One finished fold: its held-out patients' predictions, its validation predictions and chosen weights. */
public record FoldResult(int fold, Predictions test, Predictions validation, double[] averageWeights,
                         double[] sumWeights, double trainingSeconds) {
}
