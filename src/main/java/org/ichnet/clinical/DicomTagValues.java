package org.ichnet.clinical;

import java.util.function.IntFunction;

/**
 * DICOM text values (IS, DS, UI) read the same way whoever parsed the header (ImageJ for uncompressed files,
 * {@link DicomPixelHeader} for compressed ones): trimmed, empty as absent, numbers from the first of several
 * values ("00040" and "40\50" are both 40).
 */
final class DicomTagValues {
    private final IntFunction<String> lookup;

    /** {@code lookup}: a tag ({@code group << 16 | element}) to its raw text, or null when absent. */
    DicomTagValues(IntFunction<String> lookup) {
        this.lookup = lookup;
    }

    /** "0020,000E" for 0x0020000E, as ImageJ names tags. */
    static String key(int tag) {
        return String.format("%04X,%04X", tag >>> 16, tag & 0xFFFF);
    }

    String text(int tag) {
        String value = lookup.apply(tag);
        if (value == null) return null;
        value = value.trim();
        return value.isEmpty() ? null : value;
    }

    /** The first value of a numeric tag, or the fallback when absent, empty or not a number. */
    double number(int tag, double fallback) {
        String value = text(tag);
        if (value == null) return fallback;
        try {
            return Double.parseDouble(value.split("\\\\")[0].trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Exactly {@code count} numbers, or null. */
    double[] numbers(int tag, int count) {
        String value = text(tag);
        if (value == null) return null;
        String[] parts = value.split("\\\\");
        if (parts.length != count) return null;
        double[] out = new double[count];
        try {
            for (int i = 0; i < count; i++) out[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    SliceMeta sliceMeta() {
        return new SliceMeta(
                text(DicomPixelHeader.SERIES_UID),
                numbers(DicomPixelHeader.POSITION, 3),
                numbers(DicomPixelHeader.ORIENTATION, 6),
                (int) number(DicomPixelHeader.INSTANCE_NUMBER, -1),
                number(DicomPixelHeader.SLICE_LOCATION, Double.NaN));
    }
}
