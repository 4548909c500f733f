package org.ichnet.evaluate;

/**
 * One class against the rest. Sensitivity is TP/(TP+FN) (the paper's Eq. 2 has a typo). A value is NaN when its
 * denominator is zero on the data (e.g. precision of a class never predicted); JSON writes NaN as null.
 */
public record ClassMetrics(double precision, double sensitivity, double specificity, double f1, int support,
                           double auc) {

    static ClassMetrics of(ConfusionMatrix confusion, int k, double auc) {
        return new ClassMetrics(confusion.precision(k), confusion.sensitivity(k), confusion.specificity(k),
                confusion.f1(k), confusion.support(k), auc);
    }
}
