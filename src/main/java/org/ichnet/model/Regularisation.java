package org.ichnet.model;

/**
 * What keeps a CNN trained from scratch on a few thousand slices from memorising them, beyond
 * dropout and augmentation. Every field at 0 turns its lever off.
 *
 * @param weightDecay    decoupled weight decay (AdamW, Loshchilov &amp; Hutter 2019) on convolution and
 *                       dense kernels: each step shrinks them by learning rate x this
 * @param emaDecay       exponential moving average of the weights, used for validation, the best
 *                       checkpoint and the exported model (Polyak averaging); 0.99 averages about the last
 *                       100 steps once past the start-up ramp of {@link WeightAverage} (about 900 steps)
 * @param labelSmoothing the target puts 1 - this on the true class and spreads this over all four
 */
public record Regularisation(double weightDecay, double emaDecay, double labelSmoothing) {
    public static final Regularisation NONE = new Regularisation(0, 0, 0);

    public Regularisation {
        // written so that NaN fails every test
        if (!(weightDecay >= 0 && weightDecay < Double.POSITIVE_INFINITY) || !(emaDecay >= 0 && emaDecay < 1)
                || !(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("regularisation out of range: weight decay " + weightDecay
                    + " (>= 0), EMA decay " + emaDecay + " (0 to < 1), label smoothing " + labelSmoothing + " (0 to < 1)");
        }
    }

    /** For settings tables: "none", or e.g. "weight decay 0.05, EMA 0.99". */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (weightDecay > 0) parts.add("weight decay " + weightDecay);
        if (emaDecay > 0) parts.add("EMA of weights " + emaDecay);
        if (labelSmoothing > 0) parts.add("label smoothing " + labelSmoothing);
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    public boolean averagesWeights() {
        return emaDecay > 0;
    }

    public Regularisation withWeightDecay(double d) {
        return new Regularisation(d, emaDecay, labelSmoothing);
    }

    public Regularisation withEmaDecay(double d) {
        return new Regularisation(weightDecay, d, labelSmoothing);
    }

    public Regularisation withLabelSmoothing(double s) {
        return new Regularisation(weightDecay, emaDecay, s);
    }
}
