package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class WindowingTest {

    private static HuSlice row(float... hu) {
        return new HuSlice(hu.length, 1, hu, "test", SliceMeta.NONE);
    }

    @Test
    void brainCtIchMapsMinus20To100Linearly() {
        GrayImage g = Windowing.apply(row(-21, -20, 40, 70, 100, 101), WindowPreset.BRAIN_CTICH);
        assertArrayEquals(new float[]{0f, 0f, 0.5f, 0.75f, 1f, 1f}, g.pixels(), 1e-6f);
    }

    @Test
    void presetsMatchTheirLevelAndWidth() {
        assertEquals(-20, WindowPreset.BRAIN_CTICH.lower());
        assertEquals(100, WindowPreset.BRAIN_CTICH.upper());
        assertEquals(-900, WindowPreset.BONE_CTICH.lower());
        assertEquals(2300, WindowPreset.BONE_CTICH.upper());
        assertEquals(0, WindowPreset.BRAIN.lower());
        assertEquals(-20, WindowPreset.SUBDURAL.lower());
        assertEquals(2000, WindowPreset.BONE.upper());
    }

    /** Padding at -3024 must read as air, not darker than air, in a window reaching below -1024. */
    @Test
    void paddingIsClippedToAirBeforeWindowing() {
        GrayImage g = Windowing.apply(row(-3024, -2048, -1024, -1000), -1000, 2000);
        assertEquals(0.488f, g.get(2, 0), 1e-6f);
        assertEquals(g.get(2, 0), g.get(0, 0));
        assertEquals(g.get(2, 0), g.get(1, 0));
        assertEquals(0.5f, g.get(3, 0), 1e-6f);
    }
}
