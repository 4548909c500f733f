package org.ichnet.evaluate;

/**
 * One training epoch, as {@code history.json} records it and the report plots it. Lives in
 * {@code evaluate} so the training loop can produce it without depending on the report. NaN marks
 * a value not measured (e.g. AUC on a validation set without hemorrhage).
 */
public record EpochRecord(int epoch, double learningRate, double trainLoss, double valLoss, double valAccuracy,
                          double valMacroF1, double valAuc, double imagesPerSecond, double seconds) {
}
