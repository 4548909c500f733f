package org.ichnet.cv;

import org.ichnet.evaluate.Bootstrap;
import org.ichnet.evaluate.Interval;
import org.ichnet.evaluate.LevelPrior;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.Predictions;
import org.ichnet.evaluate.Roc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the slice's position in its scan alone gives, out of fold: each fold's test slices are scored by the
 * hemorrhage rate per tenth of the scan among the other folds' slices (its training and validation patients).
 * A CNN's AUC above this is what it sees beyond the level.
 */
record LevelOnlyBaseline(double auc, Interval ci) {

    static LevelOnlyBaseline of(List<FoldResult> folds, Map<String, Double> levelById, Bootstrap bootstrap) {
        Predictions pooled = OutOfFold.pool(folds.stream().map(FoldResult::test).toList());
        double[] levels = pooled.sliceIds().stream().mapToDouble(levelById::get).toArray();
        boolean[] hemorrhage = Metrics.anyHemorrhage(pooled.truth());
        int[] foldOf = new int[levels.length];
        for (int f = 0, i = 0; f < folds.size(); f++) {
            for (int n = 0; n < folds.get(f).test().size(); n++) foldOf[i++] = f;
        }
        double[] scores = new double[levels.length];
        for (int f = 0; f < folds.size(); f++) {
            int fold = f;
            LevelPrior prior = LevelPrior.fit(levels, hemorrhage, i -> foldOf[i] != fold);
            for (int i = 0; i < scores.length; i++) if (foldOf[i] == fold) scores[i] = prior.score(levels[i]);
        }
        int[] order = Roc.ascendingOrder(scores);
        return new LevelOnlyBaseline(Roc.auc(scores, hemorrhage),
                bootstrap.ofGroups(pooled.patients(), m -> Roc.auc(order, scores, hemorrhage, m)));
    }

    String describe() {
        return String.format(Locale.ROOT, "the slice's position alone (the hemorrhage rate per tenth of the scan among "
                + "each fold's other patients; no image) gives any-hemorrhage AUC %.3f (%.3f–%.3f): a model's AUC above "
                + "this, and its AUC within scan level above 0.5, is what it sees beyond the level", auc, ci.lo(), ci.hi());
    }
}
