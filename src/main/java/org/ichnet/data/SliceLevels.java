package org.ichnet.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each slice lies in its patient's scan: 0 for the patient's lowest slice number, 1 for the
 * highest, evenly spaced by rank between them (0.5 for a patient with a single slice).
 */
public final class SliceLevels {
    private SliceLevels() {
    }

    public static double[] of(List<CtSlice> slices) {
        Map<String, List<Integer>> numbers = new HashMap<>();
        for (CtSlice s : slices) numbers.computeIfAbsent(s.patient(), p -> new ArrayList<>()).add(s.sliceNumber());
        numbers.values().forEach(list -> list.sort(null));
        double[] levels = new double[slices.size()];
        for (int i = 0; i < levels.length; i++) {
            List<Integer> scan = numbers.get(slices.get(i).patient());
            levels[i] = scan.size() == 1 ? 0.5 : (double) scan.indexOf(slices.get(i).sliceNumber()) / (scan.size() - 1);
        }
        return levels;
    }
}
