package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Per-slice predictions of several models on one data set. Model names used by the pipeline are
 * {@link #MODEL_NAMES}; each maps to {@code float[n][4]} probabilities in {@link HemorrhageClass} order.
 */
public record Predictions(List<String> sliceIds, List<String> patients, int[] truth,
                          LinkedHashMap<String, float[][]> probabilities) {

    public static final List<String> MODEL_NAMES = List.of("model1", "model2", "model3", "weightedSum", "weightedAverage");

    public Predictions {
        int n = truth.length;
        if (sliceIds.size() != n || patients.size() != n) {
            throw new IllegalArgumentException("sliceIds, patients and truth must have one entry per slice");
        }
        probabilities.forEach((model, p) -> {
            if (p.length != n) {
                throw new IllegalArgumentException(model + " has " + p.length + " rows, expected " + n);
            }
            for (float[] row : p) {
                if (row.length != HemorrhageClass.COUNT) {
                    throw new IllegalArgumentException(model + " rows must have " + HemorrhageClass.COUNT + " columns");
                }
            }
        });
    }

    public int size() {
        return truth.length;
    }

    /** The rows {@code keep} accepts (by row index), in order, for every model. */
    public Predictions rows(IntPredicate keep) {
        int[] kept = IntStream.range(0, size()).filter(keep).toArray();
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        probabilities.forEach((model, p) -> probs.put(model, Arrays.stream(kept).mapToObj(i -> p[i]).toArray(float[][]::new)));
        return new Predictions(Arrays.stream(kept).mapToObj(sliceIds::get).toList(),
                Arrays.stream(kept).mapToObj(patients::get).toList(), Arrays.stream(kept).map(i -> truth[i]).toArray(), probs);
    }

    public float[][] of(String model) {
        float[][] p = probabilities.get(model);
        if (p == null) {
            throw new IllegalArgumentException("no predictions for model " + model + "; have " + probabilities.keySet());
        }
        return p;
    }
}
