package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;

/** Small helpers over {@code float[n][classes]} probability rows. */
public final class Probabilities {

    private Probabilities() {
    }

    /** Index of the largest entry; the first one wins a tie. */
    public static int argmax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    public static int[] argmax(float[][] rows) {
        int[] predicted = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            predicted[i] = argmax(rows[i]);
        }
        return predicted;
    }

    /** Score for "any hemorrhage": 1 - p(NORMAL). */
    public static double anyHemorrhageScore(float[] row) {
        return 1.0 - row[HemorrhageClass.NORMAL.ordinal()];
    }

    public static double[] anyHemorrhageScores(float[][] rows) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = anyHemorrhageScore(rows[i]);
        }
        return scores;
    }

    public static double[] column(float[][] rows, int c) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = rows[i][c];
        }
        return scores;
    }

    public static boolean isHemorrhage(int trueClass) {
        return trueClass != HemorrhageClass.NORMAL.ordinal();
    }

    static void requireSameLength(int[] truth, float[][] probs) {
        if (truth.length != probs.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " rows, probabilities " + probs.length);
        }
    }
}
