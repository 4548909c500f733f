package org.ichnet.evaluate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {

    @Test
    void perfectlyCalibratedDataHasZeroEce() {
        // ten slices predicted NORMAL with p = 0.8; eight truly NORMAL: accuracy in the bin = confidence
        float[][] probs = new float[10][];
        int[] truth = new int[10];
        for (int i = 0; i < 10; i++) {
            probs[i] = new float[]{0.8f, 0.1f, 0.05f, 0.05f};
            truth[i] = i < 8 ? 0 : 1;
        }
        assertEquals(0.0, Calibration.expectedCalibrationError(probs, truth), 1e-6);
    }

    @Test
    void eceWeightsEachBinByItsShare() {
        // bin of 0.9 (2 slices, 1 correct): |0.5 - 0.9| * 2/4; bin of 0.5 (2 slices, both right): |1 - 0.5| * 2/4
        float[][] probs = {{0.9f, 0.1f, 0, 0}, {0.9f, 0.1f, 0, 0}, {0.5f, 0.3f, 0.2f, 0}, {0.5f, 0.3f, 0.2f, 0}};
        int[] truth = {0, 1, 0, 0};
        assertEquals(0.4 * 0.5 + 0.5 * 0.5, Calibration.expectedCalibrationError(probs, truth), 1e-6);
    }

    @Test
    void recoversAKnownTemperature() {
        /*
         * Every slice predicts q = (9, 1, 1, 1)/12. At T = 2, softmax(log q / 2) is proportional to sqrt(q),
         * i.e. (3, 1, 1, 1)/6. Labels with exactly those frequencies (3 x NORMAL, one each of ICH, SDH, EDH) make
         * that the maximum-likelihood member of the family, so the fitted T must be 2.
         */
        float[] q = {9f / 12, 1f / 12, 1f / 12, 1f / 12};
        float[][] probs = {q, q, q, q, q, q};
        int[] truth = {0, 0, 0, 1, 2, 3};
        double t = Calibration.fitTemperature(probs, truth);
        assertEquals(2.0, t, 1e-3);
        assertArrayEquals(new float[]{0.5f, 1f / 6, 1f / 6, 1f / 6}, Calibration.apply(probs, t)[0], 1e-3f);
    }

    @Test
    void overConfidentPredictionsGetATemperatureAboveOne() {
        // p = 0.97 on the predicted class but only 6 of 10 right
        float[][] probs = new float[10][];
        int[] truth = new int[10];
        for (int i = 0; i < 10; i++) {
            probs[i] = new float[]{0.97f, 0.01f, 0.01f, 0.01f};
            truth[i] = i < 6 ? 0 : 1 + i % 3;
        }
        double t = Calibration.fitTemperature(probs, truth);
        assertTrue(t > 1, "T = " + t);
        float[][] calibrated = Calibration.apply(probs, t);
        assertTrue(Calibration.expectedCalibrationError(calibrated, truth)
                < Calibration.expectedCalibrationError(probs, truth));
        assertTrue(Calibration.negativeLogLikelihood(probs, truth, t)
                < Calibration.negativeLogLikelihood(probs, truth, 1.0));
    }

    @Test
    void temperatureOneLeavesProbabilitiesAlone() {
        float[][] probs = {{0.6f, 0.2f, 0.15f, 0.05f}};
        assertArrayEquals(probs[0], Calibration.apply(probs, 1.0)[0], 1e-6f);
    }
}
