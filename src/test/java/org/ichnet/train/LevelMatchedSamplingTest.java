package org.ichnet.train;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class LevelMatchedSamplingTest {

    /** 100 normal slices spread evenly over the scan, 30 ICH slices all in the middle tenth. */
    private static final LabelledImages SCANS = new LabelledImages() {
        @Override
        public int count() {
            return 130;
        }

        @Override
        public int label(int index) {
            return index < 100 ? 0 : 1;
        }

        @Override
        public double level(int index) {
            return index < 100 ? index / 99.0 : 0.55;
        }

        @Override
        public void copyImage(int index, float[] dst, int dstOffset) {
        }
    };

    private static double[] shares(int[] order) {
        int normals = 0, middleNormals = 0, ich = 0;
        for (int i : order) {
            if (SCANS.label(i) == 1) ich++;
            else {
                normals++;
                if (SCANS.level(i) >= 0.5 && SCANS.level(i) < 0.6) middleNormals++;
            }
        }
        return new double[]{(double) ich / order.length, (double) middleNormals / normals};
    }

    @Test
    void normalSlicesAreDrawnWhereTheHemorrhageSlicesLieAndClassesStayBalanced() {
        int[] matched = new int[0], plain = new int[0];
        for (int epoch = 0; epoch < 20; epoch++) {
            matched = concat(matched, LevelMatchedSampling.order(SCANS, new Random(epoch)));
            plain = concat(plain, BatchFeeder.classBalanced(SCANS, new Random(epoch)));
        }
        double[] m = shares(matched), p = shares(plain);
        assertEquals(0.5, m[0], 0.03, "half of the draws are hemorrhage, as with plain balanced sampling");
        assertEquals(0.5, p[0], 0.03);
        // weights: middle tenth (30 + 1) / 10 per slice, other tenths 1 / 10: 31 / 40 of normal draws
        assertEquals(31.0 / 40, m[1], 0.03);
        assertEquals(0.1, p[1], 0.03);
    }

    @Test
    void slicesWithoutALevelAreRefused() {
        LabelledImages unknown = new LabelledImages() {
            @Override
            public int count() {
                return 2;
            }

            @Override
            public int label(int index) {
                return index;
            }

            @Override
            public void copyImage(int index, float[] dst, int dstOffset) {
            }
        };
        assertThrows(IllegalStateException.class, () -> LevelMatchedSampling.order(unknown, new Random(1)));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
