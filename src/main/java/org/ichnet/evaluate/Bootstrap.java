package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 95% percentile bootstrap intervals. With a group (patient) id per slice, whole patients are drawn with
 * replacement, because neighbouring slices of one patient are not independent; otherwise single slices.
 * A resample is represented by how often each slice was drawn, so one sort of the scores serves every rep.
 * Statistics undefined in a resample (NaN, e.g. a class that was not drawn) are left out of that interval.
 */
public final class Bootstrap {
    public static final int DEFAULT_REPS = 1000;
    public static final long DEFAULT_SEED = 20240101L;
    private static final int K = HemorrhageClass.COUNT;
    private static final int PER_CLASS = 4;

    private final int reps;
    private final long seed;

    public Bootstrap() {
        this(DEFAULT_REPS, DEFAULT_SEED);
    }

    public Bootstrap(int reps, long seed) {
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be positive: " + reps);
        }
        this.reps = reps;
        this.seed = seed;
    }

    /** @param groups patient id per slice, or null to resample slices */
    public ConfidenceIntervals intervals(int[] truth, float[][] probs, List<String> groups) {
        Probabilities.requireSameLength(truth, probs);
        if (groups != null && groups.size() != truth.length) {
            throw new IllegalArgumentException("groups has " + groups.size() + " entries, truth " + truth.length);
        }
        int[] predicted = Probabilities.argmax(probs);
        double[] anyScore = Probabilities.anyHemorrhageScores(probs);
        boolean[] anyPositive = Metrics.anyHemorrhage(truth);
        int[] order = Roc.ascendingOrder(anyScore);
        int[][] clusters = groups == null ? singletons(truth.length) : clusters(groups);

        double[] accuracy = new double[reps];
        double[] macroF1 = new double[reps];
        double[] auc = new double[reps];
        double[][][] perClass = new double[K][PER_CLASS][reps];
        SplittableRandom random = new SplittableRandom(seed);
        int[] multiplicity = new int[truth.length];
        for (int r = 0; r < reps; r++) {
            drawMultiplicities(clusters, random, multiplicity);
            ConfusionMatrix cm = ConfusionMatrix.weighted(truth, predicted, multiplicity);
            accuracy[r] = cm.accuracy();
            macroF1[r] = cm.macroF1();
            auc[r] = Roc.auc(order, anyScore, anyPositive, multiplicity);
            for (int k = 0; k < K; k++) {
                perClass[k][0][r] = cm.precision(k);
                perClass[k][1][r] = cm.sensitivity(k);
                perClass[k][2][r] = cm.specificity(k);
                perClass[k][3][r] = cm.f1(k);
            }
        }
        EnumMap<HemorrhageClass, ClassIntervals> classIntervals = new EnumMap<>(HemorrhageClass.class);
        for (HemorrhageClass c : HemorrhageClass.values()) {
            double[][] m = perClass[c.ordinal()];
            classIntervals.put(c, new ClassIntervals(percentile95(m[0]), percentile95(m[1]), percentile95(m[2]),
                    percentile95(m[3])));
        }
        return new ConfidenceIntervals(groups == null ? "slice" : "patient", reps, seed, percentile95(accuracy),
                percentile95(macroF1), percentile95(auc), classIntervals);
    }

    /** Interval of the AUC of {@code scores} when each score is an independent unit (e.g. one per patient). */
    public Interval aucOfUnits(double[] scores, boolean[] positive) {
        int[] order = Roc.ascendingOrder(scores);
        int[][] units = singletons(scores.length);
        int[] multiplicity = new int[scores.length];
        double[] auc = new double[reps];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < reps; r++) {
            drawMultiplicities(units, random, multiplicity);
            auc[r] = Roc.auc(order, scores, positive, multiplicity);
        }
        return percentile95(auc);
    }

    /**
     * Interval of any statistic of weighted slices, resampling whole groups (patients): {@code statistic} is given
     * how often each slice was drawn.
     */
    public Interval ofGroups(List<String> groups, java.util.function.ToDoubleFunction<int[]> statistic) {
        int[][] clusters = clusters(groups);
        int[] multiplicity = new int[groups.size()];
        double[] values = new double[reps];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < reps; r++) {
            drawMultiplicities(clusters, random, multiplicity);
            values[r] = statistic.applyAsDouble(multiplicity);
        }
        return percentile95(values);
    }

    static void drawMultiplicities(int[][] clusters, SplittableRandom random, int[] multiplicity) {
        Arrays.fill(multiplicity, 0);
        for (int draw = 0; draw < clusters.length; draw++) {
            for (int slice : clusters[random.nextInt(clusters.length)]) {
                multiplicity[slice]++;
            }
        }
    }

    /** Slice indexes of each group, groups in order of first appearance. */
    static int[][] clusters(List<String> groups) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            byGroup.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        }
        return byGroup.values().stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    private static int[][] singletons(int n) {
        int[][] clusters = new int[n][];
        for (int i = 0; i < n; i++) {
            clusters[i] = new int[]{i};
        }
        return clusters;
    }

    /** 2.5th and 97.5th percentiles (linear interpolation between order statistics), NaN values dropped. */
    static Interval percentile95(double[] values) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) {
            return Interval.UNDEFINED;
        }
        return new Interval(quantile(defined, 0.025), quantile(defined, 0.975));
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
