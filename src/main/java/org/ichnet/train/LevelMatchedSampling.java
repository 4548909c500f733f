package org.ichnet.train;

import org.ichnet.data.HemorrhageClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Class-balanced draws in which normal slices come mostly from the scan levels where the drawn
 * hemorrhage slices lie. With plain balanced sampling the repeated hemorrhage slices sit mostly in
 * the middle of the scan while normal slices come from everywhere, so a CNN can score "mid-scan
 * anatomy" instead of blood: in cross-validation (seeds 42 and 7 of the regularised brain+bone
 * recipe, averaged) normal slices of the middle fifths scored 0.63 against 0.24 for the lowest
 * fifth, and the patient-level AUC (0.72) trailed the slice-level one (0.81).
 */
final class LevelMatchedSampling {
    static final int BINS = 10;
    /** Share of normal draws spread evenly over the levels, so skull base and vertex stay in training. */
    static final double FLOOR = 0.2;

    private LevelMatchedSampling() {
    }

    static int[] order(LabelledImages data, Random rnd) {
        int normal = HemorrhageClass.NORMAL.ordinal();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < HemorrhageClass.COUNT; c++) byClass.add(new ArrayList<>());
        int[] normalsPerBin = new int[BINS];
        for (int i = 0; i < data.count(); i++) {
            double level = data.level(i);
            if (!(level >= 0 && level <= 1)) {
                throw new IllegalStateException("level-matched sampling needs each slice's level in its scan; slice "
                        + i + " has " + level);
            }
            byClass.get(data.label(i)).add(i);
            if (data.label(i) == normal) normalsPerBin[bin(level)]++;
        }
        List<List<Integer>> present = byClass.stream().filter(members -> !members.isEmpty()).toList();
        // where the hemorrhage draws land: every present hemorrhage class is drawn equally often
        double[] hemorrhageDraws = new double[BINS];
        int hemorrhageClasses = 0;
        for (int c = 0; c < byClass.size(); c++) {
            if (c == normal || byClass.get(c).isEmpty()) continue;
            hemorrhageClasses++;
            for (int i : byClass.get(c)) hemorrhageDraws[bin(data.level(i))] += 1.0 / byClass.get(c).size();
        }
        double[] binShare = new double[BINS];
        int occupied = (int) Arrays.stream(normalsPerBin).filter(n -> n > 0).count();
        for (int b = 0; b < BINS; b++) {
            if (normalsPerBin[b] == 0) continue;
            binShare[b] = hemorrhageClasses == 0 ? 1.0 / occupied
                    : (1 - FLOOR) * hemorrhageDraws[b] / hemorrhageClasses + FLOOR / occupied;
        }
        // a normal slice's draw weight: its level's share spread over the normal slices at that level
        List<Integer> normals = byClass.get(normal);
        double[] cumulative = new double[normals.size()];
        double total = 0;
        for (int k = 0; k < cumulative.length; k++) {
            int b = bin(data.level(normals.get(k)));
            total += binShare[b] / normalsPerBin[b];
            cumulative[k] = total;
        }
        int[] order = new int[data.count()];
        for (int i = 0; i < order.length; i++) {
            List<Integer> members = present.get(rnd.nextInt(present.size()));
            if (members == normals) {
                // slice k covers [cumulative[k-1], cumulative[k]): an exact hit on a bound belongs to the next slice
                int k = Arrays.binarySearch(cumulative, rnd.nextDouble() * total);
                k = k < 0 ? -k - 1 : k + 1;
                order[i] = members.get(Math.min(k, members.size() - 1));
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
