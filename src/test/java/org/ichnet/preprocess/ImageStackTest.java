package org.ichnet.preprocess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ImageStackTest {

    @Test
    void storesChannelsInterleavedAndCopiesFloats() {
        ImageStack stack = ImageStack.allocate(3, 2, 2);
        assertEquals(3, stack.count());
        stack.put(1, 0, new GrayImage(2, 2, new float[]{0f, 1f, 0.5f, 2f}));
        stack.put(1, 1, new GrayImage(2, 2, new float[]{-1f, 0.2f, 0.4f, 0.6f}));
        float[] dst = new float[1 + 8];
        stack.copyFloats(1, dst, 1);
        assertArrayEquals(new float[]{0, 0f, 0f, 1f, 0.2f, 128 / 255f, 0.4f, 1f, 0.6f}, dst, 0.5f / 255);
        assertEquals(128 / 255f, stack.get(1, 0, 1, 0), 1e-6f);
        float[] untouched = new float[8];
        stack.copyFloats(0, untouched, 0);
        assertArrayEquals(new float[8], untouched);
        assertEquals(1f, stack.select(new int[]{1}).get(0, 1, 0, 0), 1e-6f);
    }

    @Test
    void rejectsWrongSizes() {
        ImageStack stack = ImageStack.allocate(1, 4, 1);
        assertThrows(IllegalArgumentException.class, () -> stack.put(0, 0, new GrayImage(2, 2, new float[4])));
        assertThrows(IndexOutOfBoundsException.class, () -> stack.put(0, 1, new GrayImage(4, 4, new float[16])));
        assertThrows(IllegalArgumentException.class, () -> new ImageStack(4, 1, new byte[15]));
    }
}
