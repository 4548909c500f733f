package org.ichnet.model;

/** Square NHWC input: side length in pixels and channels (1 = brain window, 2 = brain + bone, 3 = brain windows of the slices below, at and above). */
public record InputShape(int size, int channels) {
    public InputShape {
        if (size < 8 || size % 8 != 0) throw new IllegalArgumentException("image size must be a multiple of 8, got " + size);
        if (channels < 1) throw new IllegalArgumentException("channels must be ≥ 1");
    }

    public int valuesPerImage() {
        return size * size * channels;
    }
}
