package org.ichnet.model;

/** Anything that turns NHWC images into class probabilities: a model in training or a loaded SavedModel. */
public interface ProbabilityModel {
    /** Batch size for predictions, the one `ichnet bench` measures inference at. */
    int PREDICT_BATCH = 32;

    InputShape input();

    float[][] predict(float[] images, int count);

    /** Probabilities for every image of {@code source}, in batches of {@code batchSize}. */
    default float[][] predictAll(ImageSource source, int batchSize) {
        int n = source.count(), per = input().valuesPerImage();
        float[][] out = new float[n][];
        float[] buffer = new float[batchSize * per];
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            for (int i = 0; i < count; i++) source.copyImage(from + i, buffer, i * per);
            float[][] p = predict(buffer, count);
            System.arraycopy(p, 0, out, from, count);
        }
        return out;
    }
}
