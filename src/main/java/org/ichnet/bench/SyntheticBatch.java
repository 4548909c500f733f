package org.ichnet.bench;

import org.ichnet.model.InputShape;

import java.util.Random;

/** Random images in [0,1] with labels cycling through the four classes and unit weights: speed does not depend on content. */
public record SyntheticBatch(InputShape input, int count, float[] images, int[] labels, float[] weights) {

    public static SyntheticBatch random(InputShape input, int count, long seed) {
        Random rnd = new Random(seed);
        float[] images = new float[count * input.valuesPerImage()];
        for (int i = 0; i < images.length; i++) images[i] = rnd.nextFloat();
        int[] labels = new int[count];
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 4;
            weights[i] = 1f;
        }
        return new SyntheticBatch(input, count, images, labels, weights);
    }

    void requireAtLeast(int n) {
        if (n > count) throw new IllegalArgumentException("batch of " + n + " asked from " + count + " synthetic images");
    }
}
