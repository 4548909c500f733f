package org.ichnet.train;

/**
 * How training treats the class imbalance (88% of CT-ICH slices are normal). BALANCED is the
 * paper's "equal weights to each class": loss weights w_c = N / (K · n_c), as scikit-learn's
 * "balanced". SQRT_BALANCED softens them to √ of that. BALANCED_SAMPLING instead draws every
 * batch with equal class shares (rare slices repeat, under augmentation) at loss weight 1: the
 * same expected gradient as BALANCED without a weight-10 slice in one batch of three.
 * LEVEL_MATCHED_SAMPLING balances classes the same way but draws normal slices from the scan
 * levels of the hemorrhage slices ({@link LevelMatchedSampling}).
 */
public enum ClassWeighting {
    NONE, BALANCED, SQRT_BALANCED, BALANCED_SAMPLING, LEVEL_MATCHED_SAMPLING;

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
                case NONE, BALANCED_SAMPLING, LEVEL_MATCHED_SAMPLING -> 1f;
                case BALANCED -> (float) balanced;
                case SQRT_BALANCED -> (float) Math.sqrt(balanced);
            };
        }
        return w;
    }
}
