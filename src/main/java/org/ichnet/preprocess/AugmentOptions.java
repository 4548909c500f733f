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
 * @param maxScaleFraction  zoom by a uniform factor in [1 - max, 1 + max] (head sizes and fields of view differ)
 * @param maxContrastFraction multiply intensities by a uniform factor in [1 - max, 1 + max]
 *                          (scanners and reconstruction kernels differ)
 * @param quarterTurns      turn by 0, 90, 180 or 270 degrees, uniformly, besides the small rotation (exports
 *                          differ in orientation: PHE-SICH's slices are turned 90 degrees against CT-ICH's)
 */
public record AugmentOptions(boolean flip, double maxRotationDeg, double maxShiftFraction, boolean reverseSliceOrder,
                             double maxScaleFraction, double maxContrastFraction, boolean quarterTurns) {

    public AugmentOptions(boolean flip, double maxRotationDeg, double maxShiftFraction, boolean reverseSliceOrder,
                          double maxScaleFraction, double maxContrastFraction) {
        this(flip, maxRotationDeg, maxShiftFraction, reverseSliceOrder, maxScaleFraction, maxContrastFraction, false);
    }

    public AugmentOptions {
        if (maxRotationDeg < 0 || maxShiftFraction < 0 || maxShiftFraction >= 1 || maxScaleFraction < 0
                || maxScaleFraction >= 1 || maxContrastFraction < 0 || maxContrastFraction >= 1) {
            throw new IllegalArgumentException("augmentation ranges must be >= 0 (shift, scale and contrast < 1): rotation "
                    + maxRotationDeg + ", shift " + maxShiftFraction + ", scale " + maxScaleFraction
                    + ", contrast " + maxContrastFraction);
        }
    }

    public AugmentOptions(boolean flip, double maxRotationDeg, double maxShiftFraction) {
        this(flip, maxRotationDeg, maxShiftFraction, false, 0, 0, false);
    }

    /** Flip, rotation up to 10 degrees, shift up to 5%. */
    public static AugmentOptions defaults() {
        return new AugmentOptions(true, 10, 0.05);
    }

    /** Flip, rotation up to 20 degrees, shift up to 10%, zoom and contrast up to 15%. */
    public static AugmentOptions strong() {
        return new AugmentOptions(true, 20, 0.10, false, 0.15, 0.15);
    }

    /** {@code none}, {@code default} or {@code strong}. */
    public static AugmentOptions ofLabel(String label) {
        return switch (label) {
            case "none" -> none();
            case "default" -> defaults();
            case "strong" -> strong();
            default -> throw new IllegalArgumentException("augmentation must be none, default or strong, not '" + label + "'");
        };
    }

    public static AugmentOptions none() {
        return new AugmentOptions(false, 0, 0);
    }

    public AugmentOptions withReverseSliceOrder(boolean reverse) {
        return new AugmentOptions(flip, maxRotationDeg, maxShiftFraction, reverse, maxScaleFraction, maxContrastFraction,
                quarterTurns);
    }

    public AugmentOptions withQuarterTurns(boolean turns) {
        return new AugmentOptions(flip, maxRotationDeg, maxShiftFraction, reverseSliceOrder, maxScaleFraction,
                maxContrastFraction, turns);
    }

    /** For settings tables, e.g. "flip, rotation 10 deg, shift 5%". */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (flip) parts.add("flip");
        if (maxRotationDeg > 0) parts.add(String.format("rotation %.0f deg", maxRotationDeg));
        if (maxShiftFraction > 0) parts.add(String.format("shift %.0f%%", 100 * maxShiftFraction));
        if (maxScaleFraction > 0) parts.add(String.format("zoom %.0f%%", 100 * maxScaleFraction));
        if (maxContrastFraction > 0) parts.add(String.format("contrast %.0f%%", 100 * maxContrastFraction));
        if (reverseSliceOrder) parts.add("neighbour order reversed");
        if (quarterTurns) parts.add("quarter turns");
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    public boolean isIdentity() {
        return !flip && maxRotationDeg == 0 && maxShiftFraction == 0 && !reverseSliceOrder
                && maxScaleFraction == 0 && maxContrastFraction == 0 && !quarterTurns;
    }
}
