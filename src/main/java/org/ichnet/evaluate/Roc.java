package org.ichnet.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * ROC AUC by the Mann–Whitney statistic: the share of (positive, negative) pairs the score orders correctly,
 * a tie counting one half; identical to the average-rank formula. NaN if either class is empty.
 */
public final class Roc {

    private Roc() {
    }

    public static double auc(double[] scores, boolean[] positive) {
        requireFinite(scores);
        return auc(ascendingOrder(scores), scores, positive, null);
    }

    /**
     * One sweep over samples sorted by ascending score; sample i counts {@code multiplicity[i]} times
     * (null: once). Lets the bootstrap reuse a single sort for every resample.
     */
    public static double auc(int[] ascendingOrder, double[] scores, boolean[] positive, int[] multiplicity) {
        double negativesBelow = 0;
        double correctPairs = 0;
        double positives = 0;
        int i = 0;
        while (i < ascendingOrder.length) {
            double score = scores[ascendingOrder[i]];
            double tiedPositives = 0;
            double tiedNegatives = 0;
            for (; i < ascendingOrder.length && scores[ascendingOrder[i]] == score; i++) {
                int s = ascendingOrder[i];
                int m = multiplicity == null ? 1 : multiplicity[s];
                if (positive[s]) {
                    tiedPositives += m;
                } else {
                    tiedNegatives += m;
                }
            }
            correctPairs += tiedPositives * (negativesBelow + 0.5 * tiedNegatives);
            negativesBelow += tiedNegatives;
            positives += tiedPositives;
        }
        double pairs = positives * negativesBelow;
        return pairs == 0 ? Double.NaN : correctPairs / pairs;
    }

    public static int[] ascendingOrder(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Curve from (0,0) to (1,1), one point per distinct score, thresholds descending. Empty if a class is empty. */
    public static List<RocPoint> curve(double[] scores, boolean[] positive) {
        requireFinite(scores);
        int[] order = ascendingOrder(scores);
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        int negatives = scores.length - positives;
        List<RocPoint> points = new ArrayList<>();
        if (positives == 0 || negatives == 0) {
            return points;
        }
        points.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        int tp = 0;
        int fp = 0;
        int i = order.length - 1;
        while (i >= 0) {
            double score = scores[order[i]];
            for (; i >= 0 && scores[order[i]] == score; i--) {
                if (positive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            points.add(new RocPoint(score, (double) fp / negatives, (double) tp / positives));
        }
        return points;
    }

    /** A NaN score (a diverged model) would never equal itself in the tie loops: refuse it plainly. */
    static void requireFinite(double[] scores) {
        for (double v : scores) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite score " + v + ": the model's outputs are not probabilities");
        }
    }
}
