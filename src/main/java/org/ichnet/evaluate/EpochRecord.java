package org.ichnet.evaluate;

/**
 * One training epoch as the report plots it. Lives in {@code evaluate} (not {@code report}) so the training
 * loop can produce it without depending on the report package. NaN marks a value not measured.
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valMacroF1,
                          double valAuc, double seconds) {
}
