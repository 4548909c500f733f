package org.ichnet.evaluate;

/**
 * Temperature scaling (Guo et al. 2017) on probabilities: logits are taken as log p, and one temperature T
 * rescales them, p' = softmax(log p / T). T is fitted on validation data by minimising the mean negative
 * log-likelihood; T > 1 softens over-confident outputs. Argmax, hence accuracy, is unchanged.
 */
public final class Calibration {
    public static final int ECE_BINS = 15;
    private static final double MIN_PROBABILITY = 1e-12;
    private static final double LOG_T_MIN = Math.log(0.05);
    private static final double LOG_T_MAX = Math.log(20.0);
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private Calibration() {
    }

    /** Golden-section search on log T in [log 0.05, log 20]; NLL is unimodal in T for this family. */
    public static double fitTemperature(float[][] probs, int[] truth) {
        Probabilities.requireSameLength(truth, probs);
        double[][] logits = logits(probs);
        double a = LOG_T_MIN;
        double b = LOG_T_MAX;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = negativeLogLikelihood(logits, truth, Math.exp(c));
        double fd = negativeLogLikelihood(logits, truth, Math.exp(d));
        while (b - a > 1e-7) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = negativeLogLikelihood(logits, truth, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = negativeLogLikelihood(logits, truth, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    public static float[][] apply(float[][] probs, double temperature) {
        double[][] logits = logits(probs);
        float[][] out = new float[probs.length][];
        for (int i = 0; i < probs.length; i++) {
            double[] p = softmax(logits[i], temperature);
            out[i] = new float[p.length];
            for (int c = 0; c < p.length; c++) {
                out[i][c] = (float) p[c];
            }
        }
        return out;
    }

    /** Mean of -log p'(true class) at temperature T. */
    public static double negativeLogLikelihood(float[][] probs, int[] truth, double temperature) {
        return negativeLogLikelihood(logits(probs), truth, temperature);
    }

    /**
     * ECE over {@value #ECE_BINS} equal-width bins of the top probability: sum over bins of
     * (bin share of samples) * |accuracy in bin - mean top probability in bin|. Bin b holds (b/15, (b+1)/15].
     */
    public static double expectedCalibrationError(float[][] probs, int[] truth) {
        Probabilities.requireSameLength(truth, probs);
        double[] confidenceSum = new double[ECE_BINS];
        double[] correctSum = new double[ECE_BINS];
        int[] count = new int[ECE_BINS];
        for (int i = 0; i < probs.length; i++) {
            int predicted = Probabilities.argmax(probs[i]);
            double confidence = probs[i][predicted];
            int bin = Math.max(0, Math.min(ECE_BINS - 1, (int) Math.ceil(confidence * ECE_BINS) - 1));
            confidenceSum[bin] += confidence;
            correctSum[bin] += predicted == truth[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correctSum[b] - confidenceSum[b]) / probs.length;
            }
        }
        return probs.length == 0 ? Double.NaN : ece;
    }

    private static double negativeLogLikelihood(double[][] logits, int[] truth, double temperature) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double[] z = logits[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v / temperature);
            }
            double logSum = 0;
            for (double v : z) {
                logSum += Math.exp(v / temperature - max);
            }
            sum += max + Math.log(logSum) - z[truth[i]] / temperature;
        }
        return sum / logits.length;
    }

    private static double[][] logits(float[][] probs) {
        double[][] logits = new double[probs.length][];
        for (int i = 0; i < probs.length; i++) {
            logits[i] = new double[probs[i].length];
            for (int c = 0; c < probs[i].length; c++) {
                logits[i][c] = Math.log(Math.max(probs[i][c], MIN_PROBABILITY));
            }
        }
        return logits;
    }

    private static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            p[c] = Math.exp(logits[c] / temperature - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
