package org.ichnet.evaluate;

/** PLACEHOLDER until the evaluate branch lands. */
public final class Metrics {
    public static ModelMetrics compute(int[] truth, float[][] probs) {
        int k = 4;
        int[][] cm = new int[k][k];
        for (int i = 0; i < truth.length; i++) cm[truth[i]][argmax(probs[i])]++;
        int correct = 0;
        double f1 = 0;
        for (int c = 0; c < k; c++) {
            correct += cm[c][c];
            int tp = cm[c][c], fp = 0, fn = 0;
            for (int j = 0; j < k; j++) if (j != c) { fp += cm[j][c]; fn += cm[c][j]; }
            f1 += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        double auc = 0; long pos = 0, neg = 0; double wins = 0;
        for (int i = 0; i < truth.length; i++) for (int j = 0; j < truth.length; j++) {
            if (truth[i] != 0 && truth[j] == 0) { double a = 1 - probs[i][0], b = 1 - probs[j][0]; wins += a > b ? 1 : a == b ? 0.5 : 0; }
        }
        for (int t : truth) if (t != 0) pos++; else neg++;
        auc = pos * neg == 0 ? Double.NaN : wins / (pos * neg);
        return new ModelMetrics((double) correct / truth.length, f1 / k, auc);
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
