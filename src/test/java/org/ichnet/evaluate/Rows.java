package org.ichnet.evaluate;

/** Test probability rows: the predicted class gets 0.7, the other three 0.1 each. */
final class Rows {

    private Rows() {
    }

    static float[][] predicting(int... predicted) {
        float[][] rows = new float[predicted.length][4];
        for (int i = 0; i < predicted.length; i++) {
            java.util.Arrays.fill(rows[i], 0.1f);
            rows[i][predicted[i]] = 0.7f;
        }
        return rows;
    }
}
