package org.ichnet.evaluate;

/**
 * A baseline that sees no image: the share of hemorrhage slices in each tenth of the scan, learned from
 * training slices (plus one of each class per tenth, so an empty tenth scores 0.5). Scoring test slices
 * with it shows how much of a slice-level AUC the slice's position in its scan explains.
 */
public final class LevelPrior {
    private final double[] rate;

    private LevelPrior(double[] rate) {
        this.rate = rate;
    }

    public static LevelPrior fit(double[] levels, boolean[] hemorrhage) {
        return fit(levels, hemorrhage, i -> true);
    }

    /** Fitted on the slices {@code use} accepts (by index), e.g. those of the other folds. */
    public static LevelPrior fit(double[] levels, boolean[] hemorrhage, java.util.function.IntPredicate use) {
        double[] hits = new double[WithinLevelAuc.LEVEL_BINS], all = new double[WithinLevelAuc.LEVEL_BINS];
        for (int i = 0; i < levels.length; i++) {
            if (!use.test(i)) continue;
            int b = WithinLevelAuc.bin(levels[i]);
            all[b]++;
            if (hemorrhage[i]) hits[b]++;
        }
        double[] rate = new double[hits.length];
        for (int b = 0; b < rate.length; b++) rate[b] = (hits[b] + 1) / (all[b] + 2);
        return new LevelPrior(rate);
    }

    public double score(double level) {
        return rate[WithinLevelAuc.bin(level)];
    }
}
