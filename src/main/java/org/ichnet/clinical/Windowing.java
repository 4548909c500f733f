package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;

/** HU slice to gray image through a display window. */
public final class Windowing {
    /** Scanners pad outside the field of view with -2048 or -3024; treat that as air. */
    static final float AIR_HU = -1024f;

    private Windowing() {
    }

    /** Clips to the window and scales to [0, 1], keeping the slice's orientation. */
    public static GrayImage apply(HuSlice slice, WindowPreset preset) {
        return apply(slice, preset.level, preset.width);
    }

    /** Any window: HU in [level - width/2, level + width/2] to [0, 1]. */
    public static GrayImage apply(HuSlice slice, double level, double width) {
        float lower = (float) (level - width / 2);
        float scale = (float) (1.0 / width);
        float[] hu = slice.hu();
        float[] gray = new float[hu.length];
        for (int i = 0; i < hu.length; i++) {
            float value = Math.max(hu[i], AIR_HU);
            gray[i] = Math.min(1f, Math.max(0f, (value - lower) * scale));
        }
        return new GrayImage(slice.width(), slice.height(), gray);
    }

    /**
     * As {@link #apply(HuSlice, WindowPreset)}, then turned the way the CT-ICH JPGs show a slice: anterior up, the
     * patient's right on the left (from the file's ImageOrientationPatient; CT-ICH's own layout without it).
     */
    public static GrayImage apply(HuSlice slice, WindowPreset preset, boolean toCtIchOrientation) {
        GrayImage gray = apply(slice, preset);
        return toCtIchOrientation ? toCtIchOrientation(gray, slice.meta()) : gray;
    }

    /**
     * Turns an image in the pixel order of the DICOM/NIfTI slice described by {@code meta} (e.g. that slice's
     * hemorrhage mask) the way the CT-ICH JPGs show a slice.
     */
    public static GrayImage toCtIchOrientation(GrayImage image, SliceMeta meta) {
        return CtIchOrientation.of(meta).apply(image);
    }
}
