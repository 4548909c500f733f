package org.ichnet.cv;

import org.ichnet.evaluate.Predictions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** Pools per-fold predictions into one set in which every slice appears exactly once. */
public final class OutOfFold {
    private OutOfFold() {
    }

    public static Predictions pool(List<Predictions> parts) {
        List<String> ids = new ArrayList<>(), patients = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        LinkedHashMap<String, List<float[]>> rows = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Predictions p : parts) {
            for (int i = 0; i < p.size(); i++) {
                if (!seen.add(p.sliceIds().get(i))) {
                    throw new IllegalStateException("slice " + p.sliceIds().get(i) + " predicted in two folds");
                }
                ids.add(p.sliceIds().get(i));
                patients.add(p.patients().get(i));
                truth.add(p.truth()[i]);
                for (var e : p.probabilities().entrySet()) {
                    rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()[i]);
                }
            }
        }
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        rows.forEach((model, list) -> {
            if (list.size() != ids.size()) throw new IllegalStateException(model + " is missing from some folds");
            probs.put(model, list.toArray(new float[0][]));
        });
        return new Predictions(ids, patients, truth.stream().mapToInt(Integer::intValue).toArray(), probs);
    }
}
