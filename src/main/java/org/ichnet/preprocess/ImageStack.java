package org.ichnet.preprocess;

/**
 * Many same-sized images stored as uint8 NHWC (index, row, column, channel): 64 KB per 256x256 slice
 * and channel instead of 256 KB as floats, so the whole CT-ICH set fits in memory.
 */
public record ImageStack(int size, int channels, byte[] pixels) {

    public ImageStack {
        if (size <= 0 || channels <= 0 || pixels.length % (size * size * channels) != 0) {
            throw new IllegalArgumentException("pixels must hold whole " + size + "x" + size + "x" + channels + " images");
        }
    }

    public static ImageStack allocate(int count, int size, int channels) {
        return new ImageStack(size, channels, new byte[Math.multiplyExact(count, size * size * channels)]);
    }

    public int count() {
        return pixels.length / imageLength();
    }

    /** Values per image: size * size * channels. */
    public int imageLength() {
        return size * size * channels;
    }

    /** Stores one channel of one image; {@code resized} must be size x size, values in [0,1] (clamped). */
    public void put(int index, int channel, GrayImage resized) {
        if (resized.width() != size || resized.height() != size) {
            throw new IllegalArgumentException("expected a " + size + "x" + size + " image, got "
                    + resized.width() + "x" + resized.height());
        }
        if (channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + channels);
        }
        float[] src = resized.pixels();
        int base = index * imageLength() + channel;
        for (int p = 0; p < src.length; p++) {
            float v = Math.max(0f, Math.min(1f, src[p]));
            pixels[base + p * channels] = (byte) Math.round(v * 255f);
        }
    }

    /** Writes image {@code index} as size*size*channels floats in [0,1], NHWC order. */
    public void copyFloats(int index, float[] dst, int dstOffset) {
        int base = index * imageLength();
        for (int i = 0, n = imageLength(); i < n; i++) {
            dst[dstOffset + i] = (pixels[base + i] & 0xFF) / 255f;
        }
    }

    public float get(int index, int x, int y, int channel) {
        return (pixels[index * imageLength() + (y * size + x) * channels + channel] & 0xFF) / 255f;
    }

    /** A new stack holding the given images in the given order. */
    public ImageStack select(int[] indices) {
        ImageStack out = allocate(indices.length, size, channels);
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * imageLength(), out.pixels, i * imageLength(), imageLength());
        }
        return out;
    }
}
