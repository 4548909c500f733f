package org.ichnet.train;

/**
 * How the loss treats the class imbalance (87% of CT-ICH slices are normal). BALANCED is the
 * paper's "equal weights to each class": w_c = N / (K · n_c), as scikit-learn's "balanced".
 * SQRT_BALANCED softens it to √ of that; NONE leaves every sample at weight 1.
 */
public enum ClassWeighting {
    NONE, BALANCED, SQRT_BALANCED;

    public float[] weights(int[] classCounts) {
        int total = 0, present = 0;
        for (int c : classCounts) {
            total += c;
            if (c > 0) present++;
        }
        float[] w = new float[classCounts.length];
        for (int k = 0; k < w.length; k++) {
            double balanced = classCounts[k] == 0 ? 0 : (double) total / (present * (double) classCounts[k]);
            w[k] = switch (this) {
                case NONE -> 1f;
                case BALANCED -> (float) balanced;
                case SQRT_BALANCED -> (float) Math.sqrt(balanced);
            };
        }
        return w;
    }
}
