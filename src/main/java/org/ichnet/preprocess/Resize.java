package org.ichnet.preprocess;

/**
 * Resizing gray images, one axis at a time. Shrinking an axis averages the source pixels each output
 * pixel covers, weighting partly covered pixels by the covered fraction (an exact box filter for any
 * ratio, so nothing is aliased away); enlarging an axis interpolates linearly between pixel centres.
 */
public final class Resize {

    private Resize() {
    }

    public static GrayImage area(GrayImage image, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        if (width == image.width() && height == image.height()) {
            return new GrayImage(width, height, image.pixels().clone());
        }
        Kernel horizontal = Kernel.of(image.width(), width);
        Kernel vertical = Kernel.of(image.height(), height);
        float[] rows = new float[width * image.height()];
        for (int y = 0; y < image.height(); y++) {
            horizontal.apply(image.pixels(), y * image.width(), 1, rows, y * width, 1);
        }
        float[] out = new float[width * height];
        for (int x = 0; x < width; x++) {
            vertical.apply(rows, x, width, out, x, width);
        }
        return new GrayImage(width, height, out);
    }

    /** For each output index, the source indices and weights (summing to 1) that make it. */
    private record Kernel(int[][] sources, float[][] weights) {

        static Kernel of(int from, int to) {
            return to < from ? box(from, to) : linear(from, to);
        }

        private static Kernel box(int from, int to) {
            double scale = (double) from / to;
            int[][] sources = new int[to][];
            float[][] weights = new float[to][];
            for (int i = 0; i < to; i++) {
                double start = i * scale, end = (i + 1) * scale;
                int first = (int) Math.floor(start), last = Math.min(from - 1, (int) Math.ceil(end) - 1);
                sources[i] = new int[last - first + 1];
                weights[i] = new float[last - first + 1];
                for (int j = first; j <= last; j++) {
                    double covered = Math.min(end, j + 1) - Math.max(start, j);
                    sources[i][j - first] = j;
                    weights[i][j - first] = (float) (covered / scale);
                }
            }
            return new Kernel(sources, weights);
        }

        private static Kernel linear(int from, int to) {
            double scale = (double) from / to;
            int[][] sources = new int[to][];
            float[][] weights = new float[to][];
            for (int i = 0; i < to; i++) {
                double x = Math.max(0, Math.min(from - 1, (i + 0.5) * scale - 0.5));
                int left = (int) Math.floor(x), right = Math.min(from - 1, left + 1);
                float t = (float) (x - left);
                sources[i] = new int[]{left, right};
                weights[i] = new float[]{1 - t, t};
            }
            return new Kernel(sources, weights);
        }

        void apply(float[] src, int srcStart, int srcStride, float[] dst, int dstStart, int dstStride) {
            for (int i = 0; i < sources.length; i++) {
                float sum = 0;
                for (int k = 0; k < sources[i].length; k++) {
                    sum += weights[i][k] * src[srcStart + sources[i][k] * srcStride];
                }
                dst[dstStart + i * dstStride] = sum;
            }
        }
    }
}
