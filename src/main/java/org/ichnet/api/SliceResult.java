package org.ichnet.api;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.predict.SlicePrediction;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ensemble's answer for one slice.
 *
 * @param label         the slice's file path, {@code path#k} for slice k of a volume, or the name of an
 *                      in-memory image or stream
 * @param predicted     the most probable class under the ensemble (the first in class order on a tie)
 * @param probabilities the ensemble's probability of each class, in class order; they sum to 1
 * @param members       each member model's own probabilities, by member name in manifest order
 */
public record SliceResult(String label, SliceClass predicted, Map<SliceClass, Float> probabilities,
                          Map<String, Map<SliceClass, Float>> members) {
    /** Copies the maps, keeping their order. */
    public SliceResult {
        probabilities = Collections.unmodifiableMap(new EnumMap<>(probabilities));
        Map<String, Map<SliceClass, Float>> copy = new LinkedHashMap<>();
        members.forEach((name, p) -> copy.put(name, Collections.unmodifiableMap(new EnumMap<>(p))));
        members = Collections.unmodifiableMap(copy);
    }

    /** The ensemble's probability of {@code c}. */
    public float probability(SliceClass c) {
        return probabilities.get(c);
    }

    /** The ensemble's probability of any hemorrhage: 1 - P(NORMAL). */
    public float hemorrhageProbability() {
        return 1f - probability(SliceClass.NORMAL);
    }

    static SliceResult of(SlicePrediction p) {
        Map<String, Map<SliceClass, Float>> members = new LinkedHashMap<>();
        p.models().forEach((name, m) -> members.put(name, byClass(m)));
        return new SliceResult(p.label(), SliceClass.valueOf(p.predicted().name()), byClass(p.probabilities()), members);
    }

    /** Probabilities in class order as a map. */
    static Map<SliceClass, Float> byClass(float[] p) {
        Map<SliceClass, Float> out = new EnumMap<>(SliceClass.class);
        for (HemorrhageClass c : HemorrhageClass.values()) out.put(SliceClass.valueOf(c.name()), p[c.ordinal()]);
        return out;
    }
}
