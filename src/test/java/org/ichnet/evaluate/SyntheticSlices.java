package org.ichnet.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded fake test set: patients of {@code slicesPerPatient} slices, every 4th patient with hemorrhage. */
final class SyntheticSlices {
    final int[] truth;
    final float[][] probs;
    final List<String> patients = new ArrayList<>();

    SyntheticSlices(int patientCount, int slicesPerPatient, long seed) {
        Random random = new Random(seed);
        int n = patientCount * slicesPerPatient;
        truth = new int[n];
        probs = new float[n][4];
        for (int p = 0; p < patientCount; p++) {
            int hemorrhageClass = p % 4 == 0 ? 1 + (p / 4) % 3 : 0;
            for (int s = 0; s < slicesPerPatient; s++) {
                int i = p * slicesPerPatient + s;
                patients.add(String.format("%03d", p));
                truth[i] = s % 3 == 0 ? hemorrhageClass : 0;
                boolean correct = random.nextDouble() < 0.85;
                int shown = correct ? truth[i] : random.nextInt(4);
                float confidence = 0.4f + 0.5f * random.nextFloat();
                for (int c = 0; c < 4; c++) {
                    probs[i][c] = c == shown ? confidence : (1 - confidence) / 3;
                }
            }
        }
    }
}
