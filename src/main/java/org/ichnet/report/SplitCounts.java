package org.ichnet.report;

/** Size of one split role (train, validation, test). */
public record SplitCounts(int slices, int patients) {
}
