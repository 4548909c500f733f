package org.ichnet.model;

/** {@code count} non-negative class-activation maps of {@code width x height}, row-major, concatenated. */
public record GradCamMaps(int count, int width, int height, float[] values) {
    public float[] map(int index) {
        float[] out = new float[width * height];
        System.arraycopy(values, index * width * height, out, 0, out.length);
        return out;
    }
}
