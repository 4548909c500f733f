package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class DihedralTest {
    /** 3 wide, 2 high: 0 1 2 / 3 4 5. */
    private static final GrayImage IMAGE = new GrayImage(3, 2, new float[]{0, 1, 2, 3, 4, 5});

    @Test
    void rotate90IsClockwise() {
        GrayImage r = Dihedral.ROTATE_90.apply(IMAGE);
        assertEquals(2, r.width());
        assertEquals(3, r.height());
        assertArrayEquals(new float[]{3, 0, 4, 1, 5, 2}, r.pixels());
    }

    @Test
    void rotate270IsCounterClockwise() {
        assertArrayEquals(new float[]{2, 5, 1, 4, 0, 3}, Dihedral.ROTATE_270.apply(IMAGE).pixels());
    }

    @Test
    void flipsAndTransposes() {
        assertArrayEquals(new float[]{2, 1, 0, 5, 4, 3}, Dihedral.FLIP_HORIZONTAL.apply(IMAGE).pixels());
        assertArrayEquals(new float[]{3, 4, 5, 0, 1, 2}, Dihedral.FLIP_VERTICAL.apply(IMAGE).pixels());
        assertArrayEquals(new float[]{0, 3, 1, 4, 2, 5}, Dihedral.TRANSPOSE.apply(IMAGE).pixels());
        assertArrayEquals(new float[]{5, 2, 4, 1, 3, 0}, Dihedral.ANTI_TRANSPOSE.apply(IMAGE).pixels());
    }

    @Test
    void allEightAreDistinctAndFourQuarterTurnsAreIdentity() {
        Set<List<Float>> seen = new HashSet<>();
        for (Dihedral d : Dihedral.values()) {
            float[] p = d.apply(IMAGE).pixels();
            List<Float> key = new ArrayList<>();
            for (float v : p) key.add(v);
            key.add((float) d.apply(IMAGE).width());
            seen.add(key);
        }
        assertEquals(8, seen.size());
        GrayImage g = IMAGE;
        for (int i = 0; i < 4; i++) g = Dihedral.ROTATE_90.apply(g);
        assertArrayEquals(IMAGE.pixels(), g.pixels());
    }

    @Test
    void orientationMatchFindsAKnownTurn() {
        float[] p = new float[40 * 40];
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.sin(i * 0.37) + (i % 40) * 0.05f + (i / 40) * (i / 40) * 0.001f;
        GrayImage fixed = new GrayImage(40, 40, p);
        GrayImage moving = Dihedral.ROTATE_90.apply(fixed);
        OrientationMatch.Result r = OrientationMatch.best(moving, fixed);
        assertEquals(Dihedral.ROTATE_270, r.transform());
        assertEquals(1.0, r.correlation(), 1e-6);
    }

    @Test
    void areaResizeAveragesBlocks() {
        GrayImage g = new GrayImage(4, 2, new float[]{0, 2, 4, 6, 2, 4, 6, 8});
        GrayImage small = AreaResize.to(g, 2, 1);
        assertArrayEquals(new float[]{2, 6}, small.pixels(), 1e-6f);
        GrayImage third = AreaResize.to(new GrayImage(3, 1, new float[]{0, 3, 6}), 2, 1);
        assertArrayEquals(new float[]{1, 5}, third.pixels(), 1e-6f); // (0 + 3/2) / 1.5, (3/2 + 6) / 1.5
    }
}
