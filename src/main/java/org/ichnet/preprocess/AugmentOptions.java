package org.ichnet.preprocess;

public record AugmentOptions(boolean flip, double maxRotationDeg, double maxShiftFraction) {
    public static AugmentOptions defaults() {
        return new AugmentOptions(true, 10, 0.05);
    }

    public static AugmentOptions none() {
        return new AugmentOptions(false, 0, 0);
    }
}
