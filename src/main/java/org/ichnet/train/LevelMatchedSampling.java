package org.ichnet.train;

import org.ichnet.data.HemorrhageClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Class-balanced draws in which normal slices come from the scan levels where the training
 * hemorrhage slices lie. With plain balanced sampling the repeated hemorrhage slices sit mostly in
 * the middle of the scan while normal slices come from everywhere, so a CNN can score "mid-scan
 * anatomy" instead of blood: in cross-validation normal mid-scan slices scored 0.63 against 0.24
 * for the lowest fifth, and the patient-level AUC (0.72) trailed the slice-level one (0.81).
 */
final class LevelMatchedSampling {
    static final int BINS = 10;

    private LevelMatchedSampling() {
    }

    static int[] order(LabelledImages data, Random rnd) {
        int normal = HemorrhageClass.NORMAL.ordinal();
        double[] hemorrhageShare = new double[BINS];
        int[] normalsPerBin = new int[BINS];
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < HemorrhageClass.COUNT; c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < data.count(); i++) {
            double level = data.level(i);
            if (!(level >= 0 && level <= 1)) {
                throw new IllegalStateException("level-matched sampling needs each slice's level in its scan; slice "
                        + i + " has " + level);
            }
            byClass.get(data.label(i)).add(i);
            if (data.label(i) == normal) normalsPerBin[bin(level)]++;
            else hemorrhageShare[bin(level)]++;
        }
        // a normal slice's draw weight: hemorrhage slices at its level per normal slice at its level;
        // +1 keeps every level drawable so the CNN still sees normal skull base and vertex
        double[] cumulative = new double[byClass.get(normal).size()];
        double total = 0;
        for (int k = 0; k < cumulative.length; k++) {
            int b = bin(data.level(byClass.get(normal).get(k)));
            total += (hemorrhageShare[b] + 1) / normalsPerBin[b];
            cumulative[k] = total;
        }
        List<List<Integer>> present = byClass.stream().filter(members -> !members.isEmpty()).toList();
        int[] order = new int[data.count()];
        for (int i = 0; i < order.length; i++) {
            List<Integer> members = present.get(rnd.nextInt(present.size()));
            if (members == byClass.get(normal)) {
                int k = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble() * total);
                order[i] = members.get(Math.min(k < 0 ? -k - 1 : k, members.size() - 1));
            } else {
                order[i] = members.get(rnd.nextInt(members.size()));
            }
        }
        return order;
    }

    private static int bin(double level) {
        return Math.min(BINS - 1, (int) (level * BINS));
    }
}
