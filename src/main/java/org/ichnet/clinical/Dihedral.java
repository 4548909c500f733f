package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;

/** The 8 ways to turn and mirror a square grid: rotations by 90 degrees (clockwise) and flips. */
public enum Dihedral {
    IDENTITY(false),
    ROTATE_90(true),
    ROTATE_180(false),
    ROTATE_270(true),
    FLIP_HORIZONTAL(false),
    FLIP_VERTICAL(false),
    TRANSPOSE(true),
    ANTI_TRANSPOSE(true);

    private final boolean swapsAxes;

    Dihedral(boolean swapsAxes) {
        this.swapsAxes = swapsAxes;
    }

    public GrayImage apply(GrayImage image) {
        int w = image.width(), h = image.height();
        int outW = swapsAxes ? h : w, outH = swapsAxes ? w : h;
        float[] src = image.pixels();
        float[] out = new float[src.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                out[y * outW + x] = src[sourceIndex(x, y, w, h)];
            }
        }
        return new GrayImage(outW, outH, out);
    }

    /** Index in the w x h source of output pixel (x, y). */
    private int sourceIndex(int x, int y, int w, int h) {
        return switch (this) {
            case IDENTITY -> y * w + x;
            case ROTATE_90 -> (h - 1 - x) * w + y;
            case ROTATE_180 -> (h - 1 - y) * w + (w - 1 - x);
            case ROTATE_270 -> x * w + (w - 1 - y);
            case FLIP_HORIZONTAL -> y * w + (w - 1 - x);
            case FLIP_VERTICAL -> (h - 1 - y) * w + x;
            case TRANSPOSE -> x * w + y;
            case ANTI_TRANSPOSE -> (h - 1 - x) * w + (w - 1 - y);
        };
    }
}
