package org.ichnet.ensemble;

import java.util.List;

/** Σ wᵢpᵢ / Σ wᵢ per class. */
final class WeightedAverage {

    private WeightedAverage() {
    }

    static float[][] combine(List<float[][]> probs, double[] weights) {
        double[][] average = average(probs, weights);
        float[][] out = new float[average.length][];
        for (int i = 0; i < average.length; i++) {
            out[i] = toFloat(average[i]);
        }
        return out;
    }

    static double[][] average(List<float[][]> probs, double[] weights) {
        double total = Ensemble.weightSum(weights);
        int n = probs.get(0).length;
        int classes = probs.get(0)[0].length;
        double[][] out = new double[n][classes];
        for (int m = 0; m < probs.size(); m++) {
            if (weights[m] == 0) {
                continue;
            }
            double share = weights[m] / total;
            float[][] p = probs.get(m);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < classes; c++) {
                    out[i][c] += share * p[i][c];
                }
            }
        }
        return out;
    }

    static float[] toFloat(double[] row) {
        float[] out = new float[row.length];
        for (int c = 0; c < row.length; c++) {
            out[c] = (float) row[c];
        }
        return out;
    }
}
