package org.ichnet.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Any-hemorrhage AUC over pairs of slices from the same tenth of their scans only. Hemorrhage is far more
 * common mid-scan than at the skull base or the vertex, so a model can rank slices well by recognising the
 * level (head outline, skull base) without seeing blood; within one level that cue is gone, and 0.5 means
 * no evidence beyond the level. Each tenth's AUC counts in proportion to its (hemorrhage, normal) pairs; the
 * 95% interval resamples patients. The mean any-hemorrhage score of normal and of hemorrhage slices in each
 * tenth (NaN where a tenth has none) shows where a model's scores follow the level.
 */
public record WithinLevelAuc(int levelBins, double auc, Interval ci, double[] normalMeanScore,
                             double[] hemorrhageMeanScore) {
    public static final int LEVEL_BINS = 10;

    /** @param levels each slice's place in its scan, 0 (lowest slice) to 1 (highest) */
    public static WithinLevelAuc of(int[] truth, float[][] probs, double[] levels, List<String> patients,
                                    Bootstrap bootstrap) {
        Probabilities.requireSameLength(truth, probs);
        if (levels.length != truth.length || patients.size() != truth.length) {
            throw new IllegalArgumentException("levels, patients and truth differ in length");
        }
        double[] scores = Probabilities.anyHemorrhageScores(probs);
        Roc.requireFinite(scores); // a NaN never ties with itself in Roc's sweep
        boolean[] positive = Metrics.anyHemorrhage(truth);
        List<Bin> bins = new ArrayList<>();
        for (int[] members : membersByBin(levels)) bins.add(new Bin(members, scores, positive));
        double[] normalMean = new double[LEVEL_BINS], hemorrhageMean = new double[LEVEL_BINS];
        for (int b = 0; b < LEVEL_BINS; b++) {
            normalMean[b] = bins.get(b).meanScore(false);
            hemorrhageMean[b] = bins.get(b).meanScore(true);
        }
        return new WithinLevelAuc(LEVEL_BINS, pooled(bins, null), bootstrap.ofGroups(patients, m -> pooled(bins, m)),
                normalMean, hemorrhageMean);
    }

    public static int bin(double level) {
        return Math.min((int) (level * LEVEL_BINS), LEVEL_BINS - 1);
    }

    private static List<int[]> membersByBin(double[] levels) {
        List<List<Integer>> members = new ArrayList<>();
        for (int b = 0; b < LEVEL_BINS; b++) members.add(new ArrayList<>());
        for (int i = 0; i < levels.length; i++) members.get(bin(levels[i])).add(i);
        return members.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /** Pair-weighted mean of the tenths' AUCs; NaN when no tenth holds both classes. */
    private static double pooled(List<Bin> bins, int[] multiplicity) {
        double weighted = 0, pairs = 0;
        for (Bin bin : bins) {
            int[] m = bin.multiplicity(multiplicity);
            double positives = 0, negatives = 0;
            for (int i = 0; i < bin.positive.length; i++) {
                int times = m == null ? 1 : m[i];
                if (bin.positive[i]) positives += times;
                else negatives += times;
            }
            if (positives == 0 || negatives == 0) continue;
            weighted += Roc.auc(bin.order, bin.scores, bin.positive, m) * positives * negatives;
            pairs += positives * negatives;
        }
        return pairs == 0 ? Double.NaN : weighted / pairs;
    }

    private static final class Bin {
        final int[] members;
        final double[] scores;
        final boolean[] positive;
        final int[] order;

        Bin(int[] members, double[] allScores, boolean[] allPositive) {
            this.members = members;
            scores = new double[members.length];
            positive = new boolean[members.length];
            for (int i = 0; i < members.length; i++) {
                scores[i] = allScores[members[i]];
                positive[i] = allPositive[members[i]];
            }
            order = Roc.ascendingOrder(scores);
        }

        double meanScore(boolean ofPositives) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < scores.length; i++) {
                if (positive[i] == ofPositives) {
                    sum += scores[i];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        int[] multiplicity(int[] all) {
            if (all == null) return null;
            int[] m = new int[members.length];
            for (int i = 0; i < members.length; i++) m[i] = all[members[i]];
            return m;
        }
    }
}
