package org.ichnet.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MirrorAveragedTest {
    private static final int S = 8;

    /** Probability of class 0 = share of brightness in the left half: a model that is not mirror-symmetric. */
    private static final ProbabilityModel LEFT_LEANING = new ProbabilityModel() {
        @Override
        public InputShape input() {
            return new InputShape(S, 1);
        }

        @Override
        public float[][] predict(float[] images, int count) {
            float[][] out = new float[count][];
            for (int i = 0; i < count; i++) {
                float left = 0, total = 0;
                for (int y = 0; y < S; y++) {
                    for (int x = 0; x < S; x++) {
                        float v = images[i * S * S + y * S + x];
                        total += v;
                        if (x < S / 2) left += v;
                    }
                }
                float p = left / total;
                out[i] = new float[]{p, 1 - p, 0, 0};
            }
            return out;
        }
    };

    @Test
    void averagesEachImageWithItsMirror() {
        float[] images = new float[2 * S * S];
        images[0] = 1; // image 0: all brightness in its top-left pixel
        images[S * S + S - 1] = 3; // image 1: most in its top-right pixel, some on the left
        images[S * S + S] = 1;
        float[][] direct = LEFT_LEANING.predict(images, 2);
        assertEquals(1f, direct[0][0], 1e-6f);
        float[][] averaged = new MirrorAveraged(LEFT_LEANING).predict(images, 2);
        assertEquals(0.5f, averaged[0][0], 1e-6f, "left 1.0 and mirrored 0.0");
        assertEquals(0.5f, averaged[1][0], 1e-6f, "left 0.25 and mirrored 0.75");
        assertEquals(1f, averaged[1][0] + averaged[1][1], 1e-6f);
        assertEquals(1f, images[0], "the caller's images are left as they were");
        assertSame(LEFT_LEANING, MirrorAveraged.of(LEFT_LEANING, false));
    }
}
