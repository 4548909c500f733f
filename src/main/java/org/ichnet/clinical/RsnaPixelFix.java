package org.ichnet.clinical;

/**
 * The known pixel defect of part of the RSNA 2019 intracranial hemorrhage data: files that declare BitsStored 12,
 * PixelRepresentation 0 (unsigned) and a RescaleIntercept above -100 hold values that only come out as HU after
 * adding 1000, wrapping values of 4096 and more by -4096, and taking an intercept of -1000. Applied to every
 * transfer syntax, here only, by {@link PixelRescale}.
 */
final class RsnaPixelFix {
    static final double FIXED_INTERCEPT = -1000;
    private static final int SHIFT = 1000;
    private static final int WRAP = 4096;

    private RsnaPixelFix() {
    }

    static boolean appliesTo(int bitsStored, boolean signed, double intercept) {
        return bitsStored == 12 && !signed && intercept > -100;
    }

    /** Shifts and wraps stored values in place; the caller then uses {@link #FIXED_INTERCEPT}. */
    static void apply(int[] stored) {
        for (int i = 0; i < stored.length; i++) {
            int v = stored[i] + SHIFT;
            stored[i] = v >= WRAP ? v - WRAP : v;
        }
    }
}
