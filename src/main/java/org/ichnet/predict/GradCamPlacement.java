package org.ichnet.predict;

import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.HeadCrop;
import org.ichnet.preprocess.Resize;

/**
 * Puts a Grad-CAM map made on a head-framed input back where that input was cut from the whole slice, so
 * overlays and mask scores line up with the anatomy. Outside the head square the map is zero.
 */
final class GradCamPlacement {
    /** Side of the whole-slice map: finer than any member's map (at most a quarter of a 128-pixel input). */
    static final int CANVAS = 64;

    private GradCamPlacement() {
    }

    static GrayImage onSlice(GrayImage map, HeadCrop.Square square, int sliceWidth, int sliceHeight) {
        double scale = (double) CANVAS / Math.max(sliceWidth, sliceHeight);
        int width = Math.max(1, (int) Math.round(sliceWidth * scale)), height = Math.max(1, (int) Math.round(sliceHeight * scale));
        int side = Math.max(1, (int) Math.round(square.side() * scale));
        int x0 = (int) Math.round(square.x0() * scale), y0 = (int) Math.round(square.y0() * scale);
        GrayImage resized = Resize.area(map, side, side);
        float[] out = new float[width * height];
        for (int y = 0; y < side; y++) {
            int ty = y0 + y;
            if (ty < 0 || ty >= height) continue;
            for (int x = 0; x < side; x++) {
                int tx = x0 + x;
                if (tx >= 0 && tx < width) out[ty * width + tx] = resized.get(x, y);
            }
        }
        return new GrayImage(width, height, out);
    }
}
