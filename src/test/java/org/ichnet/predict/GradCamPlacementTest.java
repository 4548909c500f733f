package org.ichnet.predict;

import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.HeadCrop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GradCamPlacementTest {

    @Test
    void aMapOfTheHeadCutGoesBackWhereTheCutWasTaken() {
        // a 4x4 map, hot in its top-left cell, made on the square (200, 100)-(400, 300) of a 400x400 slice
        float[] hot = new float[16];
        hot[0] = 1;
        GrayImage placed = GradCamPlacement.onSlice(new GrayImage(4, 4, hot), new HeadCrop.Square(200, 100, 200), 400, 400);
        assertEquals(GradCamPlacement.CANVAS, placed.width());
        assertEquals(GradCamPlacement.CANVAS, placed.height());
        int hottestX = 0, hottestY = 0;
        for (int y = 0; y < placed.height(); y++)
            for (int x = 0; x < placed.width(); x++)
                if (placed.get(x, y) > placed.get(hottestX, hottestY)) {
                    hottestX = x;
                    hottestY = y;
                }
        // the square starts at canvas (32, 16) and is 32 wide; its top-left quarter cell spans 8 canvas pixels
        assertTrue(hottestX >= 32 && hottestX < 40 && hottestY >= 16 && hottestY < 24, hottestX + "," + hottestY);
        for (int y = 0; y < placed.height(); y++)
            for (int x = 0; x < 32; x++) assertEquals(0f, placed.get(x, y), "left of the head square the map is zero");
    }

    @Test
    void aSquareReachingBeyondTheSliceIsClipped() {
        float[] flat = new float[4];
        java.util.Arrays.fill(flat, 1f);
        GrayImage placed = GradCamPlacement.onSlice(new GrayImage(2, 2, flat), new HeadCrop.Square(-50, -50, 200), 100, 50);
        assertEquals(64, placed.width());
        assertEquals(32, placed.height());
        assertEquals(1f, placed.get(0, 0), 1e-6f);
        assertEquals(1f, placed.get(63, 31), 1e-6f, "the square covers the whole slice");
    }
}
