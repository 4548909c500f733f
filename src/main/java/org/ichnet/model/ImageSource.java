package org.ichnet.model;

/** Images readable one at a time as NHWC floats in [0,1]. */
public interface ImageSource {
    int count();

    void copyImage(int index, float[] dst, int dstOffset);
}
