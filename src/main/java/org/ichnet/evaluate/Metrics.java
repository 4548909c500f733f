package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;

import java.util.EnumMap;
import java.util.function.ToDoubleFunction;

/** Computes {@link ModelMetrics} from true classes and predicted probabilities (prediction = argmax). */
public final class Metrics {

    private Metrics() {
    }

    public static ModelMetrics compute(int[] truth, float[][] probs) {
        Probabilities.requireSameLength(truth, probs);
        ConfusionMatrix confusion = ConfusionMatrix.of(truth, Probabilities.argmax(probs));
        EnumMap<HemorrhageClass, ClassMetrics> perClass = new EnumMap<>(HemorrhageClass.class);
        for (HemorrhageClass c : HemorrhageClass.values()) {
            int k = c.ordinal();
            double auc = Roc.auc(Probabilities.column(probs, k), isClass(truth, k));
            perClass.put(c, ClassMetrics.of(confusion, k, auc));
        }
        double[] anyScore = Probabilities.anyHemorrhageScores(probs);
        boolean[] anyPositive = anyHemorrhage(truth);
        return new ModelMetrics(truth.length, confusion.accuracy(), confusion.macroF1(), weightedF1(perClass, truth.length),
                macro(perClass, Metrics::precisionOrZero), macro(perClass, ClassMetrics::sensitivity),
                macro(perClass, ClassMetrics::specificity), perClass, confusion,
                Roc.auc(anyScore, anyPositive), Roc.curve(anyScore, anyPositive));
    }

    public static boolean[] anyHemorrhage(int[] truth) {
        boolean[] positive = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            positive[i] = Probabilities.isHemorrhage(truth[i]);
        }
        return positive;
    }

    private static boolean[] isClass(int[] truth, int k) {
        boolean[] positive = new boolean[truth.length];
        for (int i = 0; i < truth.length; i++) {
            positive[i] = truth[i] == k;
        }
        return positive;
    }

    /**
     * A class that occurs but is never predicted has precision 0/0; in a macro average it counts as 0
     * (scikit-learn's zero_division=0), or "always NORMAL" would average a flattering precision.
     */
    static double precisionOrZero(ClassMetrics m) {
        return Double.isNaN(m.precision()) && m.support() > 0 ? 0 : m.precision();
    }

    private static double macro(EnumMap<HemorrhageClass, ClassMetrics> perClass, ToDoubleFunction<ClassMetrics> metric) {
        return ConfusionMatrix.meanOfDefined(perClass.values().stream().mapToDouble(metric).toArray());
    }

    private static double weightedF1(EnumMap<HemorrhageClass, ClassMetrics> perClass, int samples) {
        double sum = 0;
        for (ClassMetrics m : perClass.values()) {
            if (m.support() > 0) {
                sum += m.support() * m.f1();
            }
        }
        return samples == 0 ? Double.NaN : sum / samples;
    }
}
