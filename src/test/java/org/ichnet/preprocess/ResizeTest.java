package org.ichnet.preprocess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ResizeTest {

    private static GrayImage image(int w, int h, java.util.function.IntBinaryOperator value, float scale) {
        float[] p = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[y * w + x] = value.applyAsInt(x, y) / scale;
        return new GrayImage(w, h, p);
    }

    @Test
    void integerRatioAveragesEachBlockExactly() {
        // 4x4 with distinct values; each 2x2 block mean is known.
        GrayImage src = image(4, 4, (x, y) -> y * 4 + x, 16f);
        GrayImage out = Resize.area(src, 2, 2);
        assertArrayEquals(new float[]{2.5f / 16, 4.5f / 16, 10.5f / 16, 12.5f / 16}, out.pixels(), 1e-6f);
    }

    @Test
    void checkerboardShrinksToItsMean() {
        GrayImage checker = image(4, 4, (x, y) -> (x + y) % 2, 1f);
        assertArrayEquals(new float[]{0.5f, 0.5f, 0.5f, 0.5f}, Resize.area(checker, 2, 2).pixels(), 1e-6f);
    }

    @Test
    void fractionalRatioWeighsPartlyCoveredPixels() {
        // 3 -> 2 pixels: out0 = (a + b/2) / 1.5, out1 = (b/2 + c) / 1.5
        GrayImage row = new GrayImage(3, 1, new float[]{0.3f, 0.6f, 0.9f});
        GrayImage out = Resize.area(row, 2, 1);
        assertEquals((0.3f + 0.3f) / 1.5f, out.get(0, 0), 1e-6f);
        assertEquals((0.3f + 0.9f) / 1.5f, out.get(1, 0), 1e-6f);
    }

    @Test
    void constantStaysConstantAt650To256() {
        GrayImage flat = new GrayImage(650, 650, filled(650 * 650, 0.37f));
        GrayImage out = Resize.area(flat, 256, 256);
        for (float v : out.pixels()) assertEquals(0.37f, v, 1e-5f);
    }

    @Test
    void gradientStaysMonotonicAndKeepsItsMean() {
        GrayImage ramp = image(650, 3, (x, y) -> x, 649f);
        GrayImage out = Resize.area(ramp, 256, 3);
        for (int x = 1; x < 256; x++) assertTrue(out.get(x, 1) > out.get(x - 1, 1), "not increasing at " + x);
        double mean = 0;
        for (int x = 0; x < 256; x++) mean += out.get(x, 0) / 256.0;
        assertEquals(0.5, mean, 1e-4, "area averaging keeps the mean");
    }

    @Test
    void upscalingInterpolatesBetweenCentres() {
        GrayImage two = new GrayImage(2, 1, new float[]{0f, 1f});
        GrayImage four = Resize.area(two, 4, 1);
        assertArrayEquals(new float[]{0f, 0.25f, 0.75f, 1f}, four.pixels(), 1e-6f);
    }

    @Test
    void sameSizeIsACopy() {
        GrayImage src = image(3, 3, (x, y) -> x * y, 4f);
        GrayImage out = Resize.area(src, 3, 3);
        assertArrayEquals(src.pixels(), out.pixels());
        assertNotSame(src.pixels(), out.pixels());
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
