package org.ichnet.evaluate;

/** A temperature fitted on validation and the test ECE before and after applying it. */
public record CalibrationResult(double temperature, double eceBefore, double eceAfter) {

    public static CalibrationResult fitAndApply(float[][] valProbs, int[] valTruth, float[][] testProbs,
                                                int[] testTruth) {
        double t = Calibration.fitTemperature(valProbs, valTruth);
        return new CalibrationResult(t, Calibration.expectedCalibrationError(testProbs, testTruth),
                Calibration.expectedCalibrationError(Calibration.apply(testProbs, t), testTruth));
    }
}
