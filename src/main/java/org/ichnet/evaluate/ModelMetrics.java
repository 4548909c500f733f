package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;

import java.util.EnumMap;
import java.util.List;

/**
 * Slice-level metrics of one model (or ensemble) on one data set. Macro averages are means over the classes
 * where the per-class value is defined (not NaN); {@code weightedF1} weights each class's F1 by its support.
 * {@code anyHemorrhageAuc} scores a slice by 1 - p(NORMAL) against "true class is not NORMAL".
 */
public record ModelMetrics(int samples, double accuracy, double macroF1, double weightedF1, double macroPrecision,
                           double macroSensitivity, double macroSpecificity,
                           EnumMap<HemorrhageClass, ClassMetrics> perClass, ConfusionMatrix confusion,
                           double anyHemorrhageAuc, List<RocPoint> anyHemorrhageRoc) {

    public ClassMetrics of(HemorrhageClass c) {
        return perClass.get(c);
    }
}
