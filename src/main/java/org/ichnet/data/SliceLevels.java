package org.ichnet.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where each slice lies in its patient's scan: 0 for the patient's lowest slice number, 1 for the
 * highest, evenly spaced by rank of the distinct slice numbers (0.5 for a patient with a single
 * slice). Ranks are among the slices given, e.g. those that decoded (and have a bone image, with --bone).
 */
public final class SliceLevels {
    private SliceLevels() {
    }

    public static double[] of(List<CtSlice> slices) {
        Map<String, TreeSet<Integer>> numbers = new HashMap<>();
        for (CtSlice s : slices) numbers.computeIfAbsent(s.patient(), p -> new TreeSet<>()).add(s.sliceNumber());
        Map<String, Map<Integer, Integer>> ranks = new HashMap<>();
        numbers.forEach((patient, scan) -> {
            Map<Integer, Integer> rank = new HashMap<>();
            for (int number : scan) rank.put(number, rank.size());
            ranks.put(patient, rank);
        });
        double[] levels = new double[slices.size()];
        for (int i = 0; i < levels.length; i++) {
            Map<Integer, Integer> rank = ranks.get(slices.get(i).patient());
            levels[i] = rank.size() == 1 ? 0.5 : (double) rank.get(slices.get(i).sliceNumber()) / (rank.size() - 1);
        }
        return levels;
    }

    /** {@link #of} keyed by slice id. */
    public static Map<String, Double> byId(List<CtSlice> slices) {
        double[] levels = of(slices);
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < levels.length; i++) out.put(slices.get(i).id(), levels[i]);
        return out;
    }
}
