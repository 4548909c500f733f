package org.ichnet.ensemble;

import org.ichnet.evaluate.ConfusionMatrix;

/**
 * What the weight search maximises on validation. The paper used accuracy; our default is macro-F1 because
 * about 87% of slices are NORMAL, so accuracy rewards weights that simply favour NORMAL and barely notices
 * the rare SDH and EDH classes.
 */
public enum Criterion {
    ACCURACY, MACRO_F1;

    public static final Criterion DEFAULT = MACRO_F1;

    public double score(ConfusionMatrix confusion) {
        double score = this == ACCURACY ? confusion.accuracy() : confusion.macroF1();
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }

    public Criterion other() {
        return this == ACCURACY ? MACRO_F1 : ACCURACY;
    }
}
