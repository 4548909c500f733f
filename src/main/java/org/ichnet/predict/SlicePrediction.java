package org.ichnet.predict;

import org.ichnet.data.HemorrhageClass;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ensemble's answer for one slice.
 *
 * @param label         the slice's file path, or {@code path#k} for slice k of a volume
 * @param probabilities the ensemble's combined probabilities, in {@link HemorrhageClass} order
 * @param models        each model's own softmax probabilities, by model name in manifest order
 */
public record SlicePrediction(String label, float[] probabilities, Map<String, float[]> models) {
    public SlicePrediction {
        if (probabilities.length != HemorrhageClass.COUNT) {
            throw new IllegalArgumentException("expected " + HemorrhageClass.COUNT + " probabilities, got " + probabilities.length);
        }
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The ensemble's class: argmax of {@link #probabilities} (first class wins a tie). */
    public HemorrhageClass predicted() {
        return HemorrhageClass.ofIndex(argmax(probabilities, 0));
    }

    /** Probability of {@code c} under the ensemble. */
    public float probability(HemorrhageClass c) {
        return probabilities[c.ordinal()];
    }

    /** The most probable hemorrhage class (ICH, SDH or EDH), whatever the prediction. */
    public HemorrhageClass likeliestHemorrhage() {
        return HemorrhageClass.ofIndex(argmax(probabilities, 1));
    }

    static int argmax(float[] p, int from) {
        int best = from;
        for (int i = from + 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
