package org.ichnet.api;

import java.util.List;

/**
 * The answer for several inputs at once.
 *
 * @param model    the ensemble that predicted them
 * @param scans    one result per scan, in input order (a folder of several DICOM series gives one per series)
 * @param problems every file that was skipped: inputs that gave no slice at all first, then each scan's own
 */
public record Predictions(ModelInfo model, List<ScanResult> scans, List<Problem> problems) {
    /** Copies the lists. */
    public Predictions {
        scans = List.copyOf(scans);
        problems = List.copyOf(problems);
    }
}
