package org.ichnet.model;

/**
 * How a pretrained backbone is fine-tuned: layers before {@code trainFrom} stay as released (an
 * empty name trains them all), and the trained backbone layers learn at {@code learningRateScale}
 * times the head's rate (layer-wise learning rates: the head starts from random weights, the
 * backbone from useful ones that a full rate would wreck in the first steps).
 */
public record FineTuning(String trainFrom, double learningRateScale) {
    /** {@code trainFrom} that no layer has: the whole backbone stays as released (a frozen-feature probe). */
    public static final String NOTHING = "(frozen)";

    public static FineTuning frozen() {
        return new FineTuning(NOTHING, 1);
    }

    public boolean frozenBackbone() {
        return NOTHING.equals(trainFrom);
    }

    public FineTuning {
        if (!(learningRateScale > 0 && learningRateScale <= 1)) {
            throw new IllegalArgumentException("backbone learning-rate scale must be in (0, 1], not " + learningRateScale);
        }
        if (trainFrom == null) trainFrom = "";
    }
}
