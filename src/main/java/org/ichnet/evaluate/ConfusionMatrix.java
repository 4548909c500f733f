package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class): rows are true, columns predicted, in {@link HemorrhageClass} order.
 * Rates follow one rule: 0/0 is NaN ("not defined on this data"), never 0 or 1.
 */
public final class ConfusionMatrix {
    private static final int K = HemorrhageClass.COUNT;
    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    public static ConfusionMatrix of(int[] truth, int[] predicted) {
        return weighted(truth, predicted, null);
    }

    /** Each sample counted {@code multiplicity[i]} times (bootstrap resamples); null means once each. */
    public static ConfusionMatrix weighted(int[] truth, int[] predicted, int[] multiplicity) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        int[][] counts = new int[K][K];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]] += multiplicity == null ? 1 : multiplicity[i];
        }
        return new ConfusionMatrix(counts);
    }

    public static ConfusionMatrix ofCounts(int[][] counts) {
        if (counts.length != K || Arrays.stream(counts).anyMatch(r -> r.length != K)) {
            throw new IllegalArgumentException("confusion matrix must be " + K + "x" + K);
        }
        return new ConfusionMatrix(Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new));
    }

    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    public int[][] toArray() {
        return Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new);
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int v : row) {
                total += v;
            }
        }
        return total;
    }

    public int support(int k) {
        return Arrays.stream(counts[k]).sum();
    }

    public int predictedCount(int k) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[k];
        }
        return sum;
    }

    public int truePositives(int k) {
        return counts[k][k];
    }

    public int falseNegatives(int k) {
        return support(k) - truePositives(k);
    }

    public int falsePositives(int k) {
        return predictedCount(k) - truePositives(k);
    }

    public int trueNegatives(int k) {
        return total() - support(k) - falsePositives(k);
    }

    public double accuracy() {
        int correct = 0;
        for (int k = 0; k < K; k++) {
            correct += counts[k][k];
        }
        return ratio(correct, total());
    }

    public double precision(int k) {
        return ratio(truePositives(k), predictedCount(k));
    }

    /** TP / (TP + FN); the paper's Eq. 2 (TP / (TP + TN)) is a typo. */
    public double sensitivity(int k) {
        return ratio(truePositives(k), support(k));
    }

    public double specificity(int k) {
        return ratio(trueNegatives(k), trueNegatives(k) + falsePositives(k));
    }

    /** 2TP / (2TP + FP + FN): 0 for a present class never predicted, NaN only if the class is absent and never predicted. */
    public double f1(int k) {
        int tp = truePositives(k);
        return ratio(2 * tp, 2 * tp + falsePositives(k) + falseNegatives(k));
    }

    public double macroF1() {
        double[] f1 = new double[K];
        for (int k = 0; k < K; k++) {
            f1[k] = f1(k);
        }
        return meanOfDefined(f1);
    }

    /** Mean over the classes where the value is defined (not NaN); NaN if none is. */
    public static double meanOfDefined(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(counts);
    }
}
