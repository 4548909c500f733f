package org.ichnet.predict;

import org.ichnet.preprocess.GrayImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GradCamAgreementTest {

    /** 10x10: mask = the 2x5 block at x 0..1, y 0..4 (10 px); map 1 inside, 0.25 outside except a 0.5 strip. */
    @Test
    void knownAnswer() {
        float[] map = new float[100], mask = new float[100];
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                boolean in = x < 2 && y < 5;
                mask[y * 10 + x] = in ? 1 : 0;
                map[y * 10 + x] = in ? 1f : 0.25f;
            }
        }
        var s = GradCamAgreement.score(new GrayImage(10, 10, map), new GrayImage(10, 10, mask));
        assertEquals(4.0, s.insideOutsideRatio(), 1e-9);     // 1 / 0.25
        assertEquals(1.0, s.topFractionInMask(), 1e-9);      // top 5 px are all inside
        assertTrue(s.peakInMask());
        assertEquals(0.1, s.maskFraction(), 1e-9);
    }

    @Test
    void mapPointingElsewhereScoresLow() {
        float[] map = new float[100], mask = new float[100];
        mask[0] = 1;                                          // one mask pixel, map zero there
        for (int i = 50; i < 100; i++) map[i] = 1;           // bottom half hot
        var s = GradCamAgreement.score(new GrayImage(10, 10, map), new GrayImage(10, 10, mask));
        assertEquals(0.0, s.insideOutsideRatio(), 1e-9);
        assertEquals(0.0, s.topFractionInMask(), 1e-9);
        assertFalse(s.peakInMask());
    }

    @Test
    void tiesAtTheThresholdCountInProportion() {
        // constant map: top 5 of 100 px are a random draw, so the expected fraction is the mask's share
        float[] map = new float[100], mask = new float[100];
        java.util.Arrays.fill(map, 0.3f);
        for (int i = 0; i < 20; i++) mask[i] = 1;
        var s = GradCamAgreement.score(new GrayImage(10, 10, map), new GrayImage(10, 10, mask));
        assertEquals(0.2, s.topFractionInMask(), 1e-9);
        assertEquals(1.0, s.insideOutsideRatio(), 1e-9);
        assertTrue(s.peakInMask());
    }

    @Test
    void emptyMaskHasNoRatioAndSummariesSkipIt() {
        var none = GradCamAgreement.score(new GrayImage(2, 2, new float[]{1, 0, 0, 0}), new GrayImage(2, 2, new float[4]));
        assertTrue(Double.isNaN(none.insideOutsideRatio()));
        var good = new GradCamAgreement.Score(3, 0.5, true, 0.1);
        var summary = GradCamAgreement.summarize(List.of(none, good));
        assertEquals(2, summary.slices());
        assertEquals(3, summary.meanInsideOutsideRatio(), 1e-9);
        assertEquals(0.25, summary.meanTopFractionInMask(), 1e-9);
        assertEquals(0.5, summary.pointingRate(), 1e-9);
    }

    @Test
    void maskBackgroundIsTheMostCommonValue() {
        // CT-ICH masks decode as -32768 (background) and 32767 (hemorrhage)
        GrayImage raw = new GrayImage(3, 1, new float[]{-32768, 32767, -32768});
        assertArrayEquals(new float[]{0, 1, 0}, GradCamAgreement.binary(raw).pixels());
    }
}
