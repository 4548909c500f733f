package org.ichnet.ensemble;

import org.ichnet.evaluate.Probabilities;

import java.util.List;

/** The weighted-vote ("weighted sum") combiner; see {@link Combiner#WEIGHTED_SUM}. */
final class WeightedVote {
    /** Vote scores closer than this (relative to Σ w) are a tie: 0.1 + 0.2 and 0.3 must tie. */
    private static final double TIE = 1e-9;
    private static final double MAX_BLEND = 1e-3;

    private WeightedVote() {
    }

    static float[][] combine(List<float[][]> probs, double[] weights) {
        double total = Ensemble.weightSum(weights);
        double[][] average = WeightedAverage.average(probs, weights);
        int n = average.length;
        int classes = average[0].length;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            double[] votes = new double[classes];
            for (int m = 0; m < probs.size(); m++) {
                votes[Probabilities.argmax(probs.get(m)[i])] += weights[m] / total;
            }
            snapTies(votes);
            double blend = Math.min(MAX_BLEND, smallestGap(votes) / 2);
            double[] row = new double[classes];
            for (int c = 0; c < classes; c++) {
                row[c] = (votes[c] + blend * average[i][c]) / (1 + blend);
            }
            out[i] = WeightedAverage.toFloat(row);
        }
        return out;
    }

    private static void snapTies(double[] votes) {
        for (int a = 0; a < votes.length; a++) {
            for (int b = a + 1; b < votes.length; b++) {
                if (Math.abs(votes[a] - votes[b]) < TIE) {
                    votes[b] = votes[a];
                }
            }
        }
    }

    /** Smallest positive difference between two vote scores; the average-probability term (in [0,1]) times half of it cannot reorder them. */
    private static double smallestGap(double[] votes) {
        double gap = Double.POSITIVE_INFINITY;
        for (int a = 0; a < votes.length; a++) {
            for (int b = a + 1; b < votes.length; b++) {
                double d = Math.abs(votes[a] - votes[b]);
                if (d > 0) {
                    gap = Math.min(gap, d);
                }
            }
        }
        return gap;
    }
}
