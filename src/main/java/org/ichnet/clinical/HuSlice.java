package org.ichnet.clinical;

/** One axial CT slice in Hounsfield units, row-major ({@code hu[y * width + x]}). */
public record HuSlice(int width, int height, float[] hu, String source, SliceMeta meta) {
    public HuSlice {
        if (width <= 0 || height <= 0 || hu.length != width * height) {
            throw new IllegalArgumentException(source + ": " + width + "x" + height + " slice with " + hu.length + " values");
        }
    }

    public float get(int x, int y) {
        return hu[y * width + x];
    }
}
