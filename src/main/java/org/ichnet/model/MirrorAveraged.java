package org.ichnet.model;

import org.ichnet.preprocess.Augmenter;

/**
 * Test-time augmentation: the mean of a model's probabilities for each image and its left-right
 * mirror image. Training flips half the images, so both views are in distribution; a bleed on one
 * side is scored twice from different positions, which steadies the estimate on small data.
 */
public final class MirrorAveraged implements ProbabilityModel {
    private final ProbabilityModel model;

    public MirrorAveraged(ProbabilityModel model) {
        this.model = model;
    }

    /** {@code model} itself when {@code mirror} is false. */
    public static ProbabilityModel of(ProbabilityModel model, boolean mirror) {
        return mirror ? new MirrorAveraged(model) : model;
    }

    @Override
    public InputShape input() {
        return model.input();
    }

    @Override
    public float[][] predict(float[] images, int count) {
        float[][] direct = model.predict(images, count);
        InputShape in = input();
        int per = in.valuesPerImage();
        float[] mirrored = new float[count * per];
        System.arraycopy(images, 0, mirrored, 0, count * per);
        for (int i = 0; i < count; i++) Augmenter.flipHorizontal(mirrored, i * per, in.size(), in.channels());
        float[][] flipped = model.predict(mirrored, count);
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = new float[direct[i].length];
            for (int c = 0; c < out[i].length; c++) out[i][c] = (direct[i][c] + flipped[i][c]) / 2f;
        }
        return out;
    }
}
