package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;

/**
 * Area-averaging resize: each output pixel is the mean of the source area it covers.
 * A minimal stand-in until {@code preprocess} has its own resize; the integrator may swap it.
 */
final class AreaResize {
    private AreaResize() {
    }

    static GrayImage to(GrayImage image, int width, int height) {
        float[] rows = resizeRows(image.pixels(), image.width(), image.height(), width);
        float[] transposed = transpose(rows, width, image.height());
        float[] cols = resizeRows(transposed, image.height(), width, height);
        return new GrayImage(width, height, transpose(cols, height, width));
    }

    /** Resizes each of the {@code rows} rows from {@code srcW} to {@code dstW} samples. */
    private static float[] resizeRows(float[] src, int srcW, int rows, int dstW) {
        float[] out = new float[rows * dstW];
        double step = (double) srcW / dstW;
        for (int ox = 0; ox < dstW; ox++) {
            double from = ox * step, to = from + step;
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int sx = (int) from; sx < Math.min(srcW, Math.ceil(to)); sx++) {
                    double overlap = Math.min(to, sx + 1) - Math.max(from, sx);
                    sum += overlap * src[r * srcW + sx];
                }
                out[r * dstW + ox] = (float) (sum / step);
            }
        }
        return out;
    }

    private static float[] transpose(float[] src, int w, int h) {
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out[x * h + y] = src[y * w + x];
        }
        return out;
    }
}
