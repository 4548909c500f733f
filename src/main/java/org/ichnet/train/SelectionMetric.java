package org.ichnet.train;

import org.ichnet.evaluate.EpochRecord;

/**
 * What picks the best epoch on validation. Accuracy rewards an epoch that calls every slice normal
 * (88% on CT-ICH). Macro-F1 gives such an epoch only ~0.23, yet with ~15 hemorrhage slices in
 * validation it still picked one when the others scored lower. The any-hemorrhage AUC ranks
 * slices and gives a constant output 0.5; it ignores where argmax cuts, which the report's
 * per-class metrics depend on.
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
