package org.ichnet.preprocess;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FramingTest {

    /** A bright disc of radius r centred at (cx, cy) on black, w x h. */
    private static GrayImage disc(int w, int h, int cx, int cy, int r, float value) {
        float[] p = new float[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) p[y * w + x] = value;
        return new GrayImage(w, h, p);
    }

    @Test
    void everyChannelIsCutToTheSquareOfTheHeadOnTheBrainWindow() {
        GrayImage brain = disc(200, 160, 60, 70, 40, 0.5f);
        GrayImage bone = disc(200, 160, 150, 80, 5, 1f); // a bone-window channel: the head does not show the same way
        List<GrayImage> framed = Framing.HEAD.frame(List.of(brain, bone));
        HeadCrop.Square s = HeadCrop.find(brain);
        assertEquals(s.side(), framed.get(0).width());
        assertEquals(s.side(), framed.get(1).width());
        assertArrayEquals(HeadCrop.crop(bone, s).pixels(), framed.get(1).pixels(), "the bone channel is cut where the brain's head is");
        assertSame(brain, Framing.WHOLE_SLICE.frame(List.of(brain)).get(0));
        assertEquals(Framing.HEAD, Framing.ofLabel("head").orElseThrow());
        assertTrue(Framing.ofLabel("tight").isEmpty());
    }

    @Test
    void aScanSliceWithoutAHeadIsKeptWholeWhileALoneOneIsAnError() {
        GrayImage blank = new GrayImage(120, 120, new float[120 * 120]);
        assertSame(blank, Framing.HEAD.frameScanSlice(List.of(blank)).get(0), "an empty edge slice of a series stays whole");
        assertThrows(IllegalArgumentException.class, () -> Framing.HEAD.frame(List.of(blank)));
        GrayImage brain = disc(200, 160, 60, 70, 40, 0.5f);
        assertArrayEquals(Framing.HEAD.frame(List.of(brain)).get(0).pixels(),
                Framing.HEAD.frameScanSlice(List.of(brain)).get(0).pixels(), "a slice with a head is framed the same way");
    }
}
