package org.ichnet.api;

import java.util.List;

/**
 * What {@link Ichnet#predictEach} returns once every scan went to its {@link ScanListener}: the results themselves
 * are not kept.
 *
 * @param model    the ensemble that predicted the scans
 * @param scans    how many results went to the listener
 * @param problems every input or file that was skipped, in the order of {@link Predictions#problems()}: inputs
 *                 that gave no slice at all first, then those that could not be predicted, then each scan's own
 */
public record PredictionSummary(ModelInfo model, int scans, List<Problem> problems) {
    /** Copies the list. */
    public PredictionSummary {
        problems = List.copyOf(problems);
    }
}
