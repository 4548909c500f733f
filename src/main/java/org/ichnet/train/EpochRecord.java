package org.ichnet.train;

/** One training epoch's numbers, as written to {@code history.json} and plotted in the report. */
public record EpochRecord(int epoch, double learningRate, double trainLoss,
                          double valLoss, double valAccuracy, double valMacroF1, double valAnyHemorrhageAuc,
                          double imagesPerSecond, double seconds) {
}
