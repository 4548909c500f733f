package org.ichnet.cv;

import org.ichnet.evaluate.Bootstrap;
import org.ichnet.evaluate.Interval;
import org.ichnet.evaluate.LevelPrior;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.Predictions;
import org.ichnet.evaluate.Roc;

import java.util.ArrayList;
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
        List<String> patients = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Boolean> positives = new ArrayList<>();
        for (FoldResult fold : folds) {
            List<Double> trainLevels = new ArrayList<>();
            List<Boolean> trainHemorrhage = new ArrayList<>();
            for (FoldResult other : folds) {
                if (other == fold) continue;
                add(other.test(), levelById, trainLevels, trainHemorrhage);
            }
            LevelPrior prior = LevelPrior.fit(trainLevels.stream().mapToDouble(Double::doubleValue).toArray(),
                    toArray(trainHemorrhage));
            Predictions test = fold.test();
            boolean[] hemorrhage = Metrics.anyHemorrhage(test.truth());
            for (int i = 0; i < hemorrhage.length; i++) {
                scores.add(prior.score(levelById.get(test.sliceIds().get(i))));
                positives.add(hemorrhage[i]);
                patients.add(test.patients().get(i));
            }
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] p = toArray(positives);
        int[] order = Roc.ascendingOrder(s);
        return new LevelOnlyBaseline(Roc.auc(s, p), bootstrap.ofGroups(patients, m -> Roc.auc(order, s, p, m)));
    }

    String describe() {
        return String.format(Locale.ROOT, "the slice's position alone (the hemorrhage rate per tenth of the scan among "
                + "each fold's other patients; no image) gives any-hemorrhage AUC %.3f (%.3f–%.3f): a model's AUC above "
                + "this, and its AUC within scan level above 0.5, is what it sees beyond the level", auc, ci.lo(), ci.hi());
    }

    private static void add(Predictions predictions, Map<String, Double> levelById, List<Double> levels,
                            List<Boolean> hemorrhage) {
        boolean[] positive = Metrics.anyHemorrhage(predictions.truth());
        for (int i = 0; i < positive.length; i++) {
            levels.add(levelById.get(predictions.sliceIds().get(i)));
            hemorrhage.add(positive[i]);
        }
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }
}
