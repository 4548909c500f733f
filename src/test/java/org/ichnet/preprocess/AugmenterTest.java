package org.ichnet.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class AugmenterTest {

    private static final int SIZE = 32, CHANNELS = 2;

    /** An asymmetric two-channel image padded by one float before and after, to check offsets. */
    private static float[] image() {
        float[] a = new float[SIZE * SIZE * CHANNELS + 2];
        for (int y = 0; y < SIZE; y++)
            for (int x = 0; x < SIZE; x++)
                for (int c = 0; c < CHANNELS; c++) a[1 + (y * SIZE + x) * CHANNELS + c] = (x * 3 + y + 40 * c) / 200f;
        a[0] = -7;
        a[a.length - 1] = -9;
        return a;
    }

    private static float[] augmented(AugmentOptions options, long seed) {
        float[] a = image();
        new Augmenter(options).augment(a, 1, SIZE, CHANNELS, new Random(seed));
        return a;
    }

    @Test
    void sameSeedSameOutputDifferentSeedDifferent() {
        assertArrayEquals(augmented(AugmentOptions.defaults(), 5), augmented(AugmentOptions.defaults(), 5));
        assertFalse(java.util.Arrays.equals(augmented(AugmentOptions.defaults(), 5), augmented(AugmentOptions.defaults(), 6)));
    }

    @Test
    void contrastScalesEveryPixelByOneFactor() {
        float[] a = augmented(new AugmentOptions(false, 0, 0, false, 0, 0.5), 11);
        float[] original = image();
        double factor = a[1 + 5] / original[1 + 5];
        assertNotEquals(1.0, factor, 1e-3);
        assertTrue(factor >= 0.5 && factor <= 1.5, "factor " + factor);
        for (int i = 1; i < a.length - 1; i++) assertEquals(original[i] * factor, a[i], 1e-5);
        assertEquals(-7, a[0]);
        assertEquals(-9, a[a.length - 1]);
    }

    @Test
    void zoomStretchesAboutTheCentreWithoutTurning() {
        float[] a = augmented(new AugmentOptions(false, 0, 0, false, 0.5, 0), 12);
        int c = SIZE / 2;
        double dx = a[1 + (c * SIZE + c + 1) * CHANNELS] - a[1 + (c * SIZE + c) * CHANNELS];
        double dy = a[1 + ((c + 1) * SIZE + c) * CHANNELS] - a[1 + (c * SIZE + c) * CHANNELS];
        // the ramp rises 3/200 per pixel in x and 1/200 in y; a zoom by z divides both by z
        double zoom = (3 / 200.0) / dx;
        assertNotEquals(1.0, zoom, 1e-3);
        assertTrue(zoom >= 0.5 && zoom <= 1.5, "zoom " + zoom);
        assertEquals(3.0, dx / dy, 1e-3);
    }

    @Test
    void strongIsAStrictSupersetOfDefaultAndLabelsParse() {
        AugmentOptions d = AugmentOptions.defaults(), s = AugmentOptions.strong();
        assertTrue(s.maxRotationDeg() > d.maxRotationDeg() && s.maxShiftFraction() > d.maxShiftFraction());
        assertTrue(s.maxScaleFraction() > 0 && s.maxContrastFraction() > 0);
        assertEquals(s, AugmentOptions.ofLabel("strong"));
        assertEquals(AugmentOptions.none(), AugmentOptions.ofLabel("none"));
        assertThrows(IllegalArgumentException.class, () -> AugmentOptions.ofLabel("heavy"));
        assertEquals("flip, rotation 10 deg, shift 5%", d.describe());
    }

    @Test
    void zeroOptionsAreIdentity() {
        for (long seed = 0; seed < 5; seed++) assertArrayEquals(image(), augmented(AugmentOptions.none(), seed));
    }

    @Test
    void flipTwiceIsIdentityAndOnceMirrors() {
        float[] a = image();
        Augmenter.flipHorizontal(a, 1, SIZE, CHANNELS);
        assertEquals(image()[1 + ((3 * SIZE) + SIZE - 1) * CHANNELS + 1], a[1 + (3 * SIZE) * CHANNELS + 1]);
        Augmenter.flipHorizontal(a, 1, SIZE, CHANNELS);
        assertArrayEquals(image(), a);
    }

    @Test
    void flipOnlyGivesTheImageOrItsMirror() {
        float[] mirror = image();
        Augmenter.flipHorizontal(mirror, 1, SIZE, CHANNELS);
        int flipped = 0;
        Augmenter flipOnly = new Augmenter(new AugmentOptions(true, 0, 0));
        Random rnd = new Random(1);
        for (int i = 0; i < 20; i++) {
            float[] a = image();
            flipOnly.augment(a, 1, SIZE, CHANNELS, rnd);
            boolean isMirror = java.util.Arrays.equals(a, mirror);
            assertTrue(isMirror || java.util.Arrays.equals(a, image()));
            if (isMirror) flipped++;
        }
        assertTrue(flipped > 0 && flipped < 20, "a coin flip, flipped " + flipped + " of 20");
    }

    @Test
    void shiftMovesEveryChannelAlikeFillsZeroAndStaysInside() {
        float[] a = augmented(new AugmentOptions(false, 10, 0.2), 3);
        assertEquals(-7, a[0]);
        assertEquals(-9, a[a.length - 1]);
        int zeros = 0;
        for (int i = 1; i < a.length - 1; i += CHANNELS) {
            assertTrue(a[i] >= 0 && a[i] <= 1 && a[i + 1] >= 0 && a[i + 1] <= 1.2f);
            if (a[i] == 0 && a[i + 1] == 0) zeros++;
        }
        assertTrue(zeros > 0, "pixels moved in from outside are 0 in both channels");
    }

    @Test
    void reversingTheSliceOrderSwapsBelowAndAboveAboutHalfTheTime() {
        int size = 8, per = size * size * 3;
        Augmenter reverseOnly = new Augmenter(AugmentOptions.none().withReverseSliceOrder(true));
        Random rnd = new Random(3);
        int reversed = 0;
        for (int i = 0; i < 400; i++) {
            float[] a = new float[per];
            for (int p = 0; p < size * size; p++) {
                a[p * 3] = 0.1f;
                a[p * 3 + 1] = 0.5f;
                a[p * 3 + 2] = 0.9f;
            }
            reverseOnly.augment(a, 0, size, 3, rnd);
            assertEquals(0.5f, a[size * 3 + 1], "the slice itself stays in the middle channel");
            if (a[0] == 0.9f) {
                reversed++;
                assertEquals(0.1f, a[per - 1]);
            } else {
                assertEquals(0.1f, a[0]);
            }
        }
        assertTrue(reversed > 160 && reversed < 240, reversed + " of 400 reversed");
        assertFalse(reverseOnly.options().isIdentity());
    }

    @Test
    void withoutReversalTheRandomStreamIsTheOneRunsAlwaysHad() {
        // four draws per image (flip, angle, two shifts), exactly as before the option existed
        Random used = new Random(9), expected = new Random(9);
        new Augmenter(AugmentOptions.defaults()).augment(image(), 1, SIZE, CHANNELS, used);
        expected.nextBoolean();
        for (int i = 0; i < 3; i++) expected.nextDouble();
        assertEquals(expected.nextLong(), used.nextLong());
    }

    @Test
    void quarterTurnsPutACornerMarkInEveryCornerAndKeepEveryPixel() {
        AugmentOptions turns = AugmentOptions.none().withQuarterTurns(true);
        java.util.Set<Integer> corners = new java.util.HashSet<>();
        java.util.Random rnd = new java.util.Random(4);
        for (int draw = 0; draw < 40; draw++) {
            float[] x = new float[SIZE * SIZE];
            x[0] = 1f; // top-left
            new Augmenter(turns).augment(x, 0, SIZE, 1, rnd);
            int last = SIZE - 1;
            int[] at = {0, last, last * SIZE, last * SIZE + last};
            int found = -1;
            for (int k = 0; k < 4; k++) if (Math.abs(x[at[k]] - 1f) < 1e-4f) found = k;
            assertTrue(found >= 0, "the mark moved to a corner, whole");
            float sum = 0;
            for (float v : x) sum += v;
            assertEquals(1f, sum, 1e-4f, "nothing else changed");
            corners.add(found);
        }
        assertEquals(4, corners.size(), "all four turns are drawn");
        assertTrue(turns.describe().contains("quarter turns"));
        assertFalse(turns.isIdentity());
    }
}
