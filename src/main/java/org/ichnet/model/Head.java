package org.ichnet.model;

/**
 * The classifier head after the last block: global pooling, one hidden dense layer, four logits.
 * {@code concatMaxPool} adds global max pooling beside average pooling: a small bleed is a few
 * bright pixels that an average over the whole slice dilutes. With no hidden units the head is
 * linear: on a frozen backbone, a logistic regression on pooled pretrained features (the probe).
 */
public record Head(int hiddenUnits, double dropout, boolean concatMaxPool) {
    /** A logistic regression on the pooled features. */
    public static final Head LINEAR = new Head(0, 0, true);

    public Head {
        if (hiddenUnits < 0) throw new IllegalArgumentException("hidden units must be >= 0");
    }

    public boolean linear() {
        return hiddenUnits == 0;
    }

    long parameters(int features) {
        return linear() ? features * 4L + 4 : (long) features * hiddenUnits + hiddenUnits + hiddenUnits * 4L + 4;
    }

    long multiplyAccumulates(int features) {
        return linear() ? features * 4L : (long) features * hiddenUnits + hiddenUnits * 4L;
    }
}
