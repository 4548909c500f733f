package org.ichnet.preprocess;

/**
 * Training-time augmentation.
 *
 * @param flip             mirror left-right with probability 1/2 (the head is roughly symmetric)
 * @param maxRotationDeg   rotate by a uniform angle in [-max, max] degrees
 * @param maxShiftFraction shift each axis by a uniform fraction of the side in [-max, max]
 */
public record AugmentOptions(boolean flip, double maxRotationDeg, double maxShiftFraction) {

    public AugmentOptions {
        if (maxRotationDeg < 0 || maxShiftFraction < 0 || maxShiftFraction >= 1) {
            throw new IllegalArgumentException("augmentation ranges must be >= 0 (shift < 1): rotation "
                    + maxRotationDeg + ", shift " + maxShiftFraction);
        }
    }

    public static AugmentOptions defaults() {
        return new AugmentOptions(true, 10, 0.05);
    }

    public static AugmentOptions none() {
        return new AugmentOptions(false, 0, 0);
    }

    public boolean isIdentity() {
        return !flip && maxRotationDeg == 0 && maxShiftFraction == 0;
    }
}
