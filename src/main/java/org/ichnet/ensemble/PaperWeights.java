package org.ichnet.ensemble;

/** The weights the paper reports as best for (model 1, model 2, model 3); selected on its test set. */
public final class PaperWeights {
    public static final double[] WEIGHTS = {0.2, 0.1, 0.4};

    private PaperWeights() {
    }

    public static double[] weights() {
        return WEIGHTS.clone();
    }
}
