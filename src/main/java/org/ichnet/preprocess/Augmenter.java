package org.ichnet.preprocess;

import java.util.Random;

/**
 * Random flip, rotation, shift, zoom and contrast of one NHWC image in place, the same transform for every channel.
 * Pixels are sampled bilinearly; what moves in from outside the image is 0 (black, like the air
 * around the head). All randomness comes from the caller's {@link Random}, so a seeded run repeats.
 */
public final class Augmenter {
    private final AugmentOptions options;

    public Augmenter(AugmentOptions options) {
        this.options = options;
    }

    public AugmentOptions options() {
        return options;
    }

    public void augment(float[] nhwc, int offset, int size, int channels, Random rnd) {
        // Always draw the same four numbers so one image's options never shift the next image's randomness.
        boolean flip = rnd.nextBoolean() && options.flip();
        double angle = Math.toRadians((2 * rnd.nextDouble() - 1) * options.maxRotationDeg());
        double shiftX = (2 * rnd.nextDouble() - 1) * options.maxShiftFraction() * size;
        double shiftY = (2 * rnd.nextDouble() - 1) * options.maxShiftFraction() * size;
        // drawn only when asked for, so runs without it keep the random stream they always had
        if (options.reverseSliceOrder() && rnd.nextBoolean()) swapOuterChannels(nhwc, offset, size, channels);
        double zoom = options.maxScaleFraction() > 0 ? 1 + (2 * rnd.nextDouble() - 1) * options.maxScaleFraction() : 1;
        if (options.quarterTurns()) angle += rnd.nextInt(4) * Math.PI / 2;
        if (options.maxContrastFraction() > 0) {
            float contrast = (float) (1 + (2 * rnd.nextDouble() - 1) * options.maxContrastFraction());
            for (int i = offset, end = offset + size * size * channels; i < end; i++) nhwc[i] *= contrast;
        }
        if (angle == 0 && shiftX == 0 && shiftY == 0 && zoom == 1) {
            if (flip) flipHorizontal(nhwc, offset, size, channels);
            return;
        }
        float[] src = new float[size * size * channels];
        System.arraycopy(nhwc, offset, src, 0, src.length);
        double centre = (size - 1) / 2.0, cos = Math.cos(angle) / zoom, sin = Math.sin(angle) / zoom;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Inverse mapping: undo the shift, then the rotation and zoom about the centre, then the flip.
                double qx = x - shiftX - centre, qy = y - shiftY - centre;
                double sx = cos * qx + sin * qy + centre;
                double sy = -sin * qx + cos * qy + centre;
                if (flip) sx = size - 1 - sx;
                int out = offset + (y * size + x) * channels;
                for (int c = 0; c < channels; c++) {
                    nhwc[out + c] = sample(src, size, channels, c, sx, sy);
                }
            }
        }
    }

    /** Swaps channels 0 and 2 (slice below and slice above) of a three-channel image in place. */
    static void swapOuterChannels(float[] nhwc, int offset, int size, int channels) {
        if (channels != 3) throw new IllegalArgumentException("reversing the slice order needs 3 channels, got " + channels);
        for (int p = 0, end = size * size; p < end; p++) {
            int at = offset + p * 3;
            float t = nhwc[at];
            nhwc[at] = nhwc[at + 2];
            nhwc[at + 2] = t;
        }
    }

    /** Mirrors left-right in place. */
    public static void flipHorizontal(float[] nhwc, int offset, int size, int channels) {
        for (int y = 0; y < size; y++) {
            for (int left = 0, right = size - 1; left < right; left++, right--) {
                int a = offset + (y * size + left) * channels, b = offset + (y * size + right) * channels;
                for (int c = 0; c < channels; c++) {
                    float t = nhwc[a + c];
                    nhwc[a + c] = nhwc[b + c];
                    nhwc[b + c] = t;
                }
            }
        }
    }

    private static float sample(float[] src, int size, int channels, int c, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        float tx = (float) (x - x0), ty = (float) (y - y0);
        return (1 - ty) * ((1 - tx) * at(src, size, channels, c, x0, y0) + tx * at(src, size, channels, c, x0 + 1, y0))
                + ty * ((1 - tx) * at(src, size, channels, c, x0, y0 + 1) + tx * at(src, size, channels, c, x0 + 1, y0 + 1));
    }

    private static float at(float[] src, int size, int channels, int c, int x, int y) {
        return x < 0 || y < 0 || x >= size || y >= size ? 0f : src[(y * size + x) * channels + c];
    }
}
