package org.ichnet.clinical;

/**
 * The CT-ICH windows a scan is decoded to: the brain window always, the bone window only for a model that takes
 * it. A brain-window model (the shipped one) then costs one window per slice, not two, and its predictions are
 * the same. JPG/PNG slices carry the brain window only, whatever is asked.
 */
public enum Windows {
    /** The brain window (L40/W120) only: {@link ScanSlice#bone()} is null. */
    BRAIN,
    /** The brain window and, when the input has one (HU inputs, a CT-ICH {@code bone/} JPG), the bone window (L700/W3200). */
    BRAIN_AND_BONE;

    /** The windows a model needs: with bone when it takes brain+bone. */
    public static Windows of(boolean needsBone) {
        return needsBone ? BRAIN_AND_BONE : BRAIN;
    }

    boolean bone() {
        return this == BRAIN_AND_BONE;
    }
}
