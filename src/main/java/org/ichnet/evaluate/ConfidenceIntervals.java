package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;

import java.util.EnumMap;

/** Bootstrap intervals of one model's headline metrics; {@code unit} is "patient" or "slice" (what was resampled). */
public record ConfidenceIntervals(String unit, int reps, long seed, Interval accuracy, Interval macroF1,
                                  Interval anyHemorrhageAuc, EnumMap<HemorrhageClass, ClassIntervals> perClass) {

    public ClassIntervals of(HemorrhageClass c) {
        return perClass.get(c);
    }
}
