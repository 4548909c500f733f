package org.ichnet.preprocess;

import java.util.Random;

public final class Augmenter {
    private final AugmentOptions options;

    public Augmenter(AugmentOptions options) {
        this.options = options;
    }

    public void augment(float[] nhwc, int offset, int size, int channels, Random rnd) {
        if (options.flip() && rnd.nextBoolean()) {
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size / 2; x++)
                    for (int c = 0; c < channels; c++) {
                        int a = offset + (y * size + x) * channels + c, b = offset + (y * size + size - 1 - x) * channels + c;
                        float t = nhwc[a];
                        nhwc[a] = nhwc[b];
                        nhwc[b] = t;
                    }
        }
    }
}
