package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.nio.file.Path;

/**
 * Turns the pixel words of a DICOM image into Hounsfield units, the same way for every transfer syntax: each word
 * is read as unsigned or two's complement per PixelRepresentation (see {@link #storedValues}), the
 * {@link RsnaPixelFix} is applied where it applies, then HU = RescaleSlope * stored + RescaleIntercept.
 *
 * @param bitsStored BitsStored (1 to 32)
 * @param signed     PixelRepresentation 1
 * @param slope      RescaleSlope (a zero slope is a writer's bug and taken as 1)
 * @param intercept  RescaleIntercept
 */
record PixelRescale(int bitsStored, boolean signed, double slope, double intercept) {

    /** From the tags; a missing BitsStored is BitsAllocated, a missing slope 1, a missing intercept 0. */
    static PixelRescale of(Path file, int bitsAllocated, Integer bitsStored, Integer pixelRepresentation,
                           double slope, double intercept) {
        int stored = bitsStored == null ? bitsAllocated : bitsStored;
        if (stored < 1 || stored > bitsAllocated) {
            throw new DataException(file, "BitsStored " + stored + " does not fit BitsAllocated " + bitsAllocated);
        }
        return new PixelRescale(stored, pixelRepresentation != null && pixelRepresentation == 1,
                slope == 0 ? 1 : slope, intercept);
    }

    /** HU of the words, which this overwrites with the stored values. */
    float[] toHounsfield(int[] words) {
        int[] stored = storedValues(words);
        double b = intercept;
        if (RsnaPixelFix.appliesTo(bitsStored, signed, intercept)) {
            RsnaPixelFix.apply(stored);
            b = RsnaPixelFix.FIXED_INTERCEPT;
        }
        boolean unsigned32 = !signed && bitsStored == 32;
        float[] hu = new float[stored.length];
        for (int i = 0; i < stored.length; i++) {
            double value = unsigned32 ? Integer.toUnsignedLong(stored[i]) : stored[i];
            hu[i] = (float) (slope * value + b);
        }
        return hu;
    }

    /**
     * Up to 16 bits stored, a word whose bits above BitsStored are all zero is read from its BitsStored low bits
     * (a decoder's 12-bit sample, two's complement when signed); any other word is taken whole, as 16-bit two's
     * complement or unsigned, as ImageJ and pydicom take it: scanners write sign-extended values and out-of-range
     * padding (e.g. -3024 with BitsStored 12) that masking would turn into bright "bone".
     */
    private int[] storedValues(int[] words) {
        if (bitsStored == 32) return words;
        int mask = (1 << bitsStored) - 1, sign = 1 << (bitsStored - 1);
        for (int i = 0; i < words.length; i++) {
            int word = words[i];
            if (bitsStored <= 16 && ((word & 0xFFFF) & ~mask) != 0) {
                words[i] = signed ? (short) word : word & 0xFFFF;
                continue;
            }
            int v = word & mask;
            words[i] = signed && (v & sign) != 0 ? v - (1 << bitsStored) : v;
        }
        return words;
    }
}
