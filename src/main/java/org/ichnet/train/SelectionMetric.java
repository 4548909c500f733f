package org.ichnet.train;

import org.ichnet.evaluate.EpochRecord;

/**
 * What picks the best epoch on validation. Accuracy and loss can pick an epoch that calls every
 * slice normal (87% accuracy on CT-ICH); macro-F1 and the any-hemorrhage AUC cannot.
 */
public enum SelectionMetric {
    MACRO_F1, ANY_HEMORRHAGE_AUC, LOSS;

    double score(EpochRecord r) {
        return switch (this) {
            case MACRO_F1 -> r.valMacroF1();
            case ANY_HEMORRHAGE_AUC -> r.valAuc();
            case LOSS -> -r.valLoss();
        };
    }
}
