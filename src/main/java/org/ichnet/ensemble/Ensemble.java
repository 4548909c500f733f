package org.ichnet.ensemble;

import java.util.List;

/** Combines per-model probabilities {@code float[n][4]} with one weight per model. */
public final class Ensemble {

    private Ensemble() {
    }

    public static float[][] combine(List<float[][]> probs, double[] weights, Combiner combiner) {
        if (probs.isEmpty() || probs.size() != weights.length) {
            throw new IllegalArgumentException(probs.size() + " models but " + weights.length + " weights");
        }
        int n = probs.get(0).length;
        for (float[][] p : probs) {
            if (p.length != n) {
                throw new IllegalArgumentException("models disagree on the number of slices");
            }
        }
        if (n == 0) {
            return new float[0][];
        }
        weightSum(weights);
        return combiner.combine(probs, weights);
    }

    static double weightSum(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            if (w < 0 || Double.isNaN(w)) {
                throw new IllegalArgumentException("weights must be non-negative: " + java.util.Arrays.toString(weights));
            }
            sum += w;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        return sum;
    }

    public static double[] normalized(double[] weights) {
        double sum = weightSum(weights);
        double[] out = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = weights[i] / sum;
        }
        return out;
    }
}
