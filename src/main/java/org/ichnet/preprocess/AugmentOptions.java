package org.ichnet.preprocess;

/**
 * Training-time augmentation.
 *
 * @param flip              mirror left-right with probability 1/2 (the head is roughly symmetric)
 * @param maxRotationDeg    rotate by a uniform angle in [-max, max] degrees
 * @param maxShiftFraction  shift each axis by a uniform fraction of the side in [-max, max]
 * @param reverseSliceOrder swap the slice-below and slice-above channels of a neighbour input with
 *                          probability 1/2, so the model does not depend on which way a scan is
 *                          ordered (CT-ICH numbers slices one way, a DICOM series may run the other)
 */
public record AugmentOptions(boolean flip, double maxRotationDeg, double maxShiftFraction, boolean reverseSliceOrder) {

    public AugmentOptions {
        if (maxRotationDeg < 0 || maxShiftFraction < 0 || maxShiftFraction >= 1) {
            throw new IllegalArgumentException("augmentation ranges must be >= 0 (shift < 1): rotation "
                    + maxRotationDeg + ", shift " + maxShiftFraction);
        }
    }

    public AugmentOptions(boolean flip, double maxRotationDeg, double maxShiftFraction) {
        this(flip, maxRotationDeg, maxShiftFraction, false);
    }

    public static AugmentOptions defaults() {
        return new AugmentOptions(true, 10, 0.05);
    }

    public static AugmentOptions none() {
        return new AugmentOptions(false, 0, 0);
    }

    public AugmentOptions withReverseSliceOrder(boolean reverse) {
        return new AugmentOptions(flip, maxRotationDeg, maxShiftFraction, reverse);
    }

    public boolean isIdentity() {
        return !flip && maxRotationDeg == 0 && maxShiftFraction == 0 && !reverseSliceOrder;
    }
}
