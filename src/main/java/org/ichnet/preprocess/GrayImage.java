package org.ichnet.preprocess;

/** A single-channel image, row-major, values in [0,1] (0 = black). */
public record GrayImage(int width, int height, float[] pixels) {
    public GrayImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixels: expected " + width * height + " values, got " + pixels.length);
        }
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }
}
