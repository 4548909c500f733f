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
        // all hemorrhage draws land in the middle tenth: it gets 80% of normal draws plus its 2% of the even 20%
        assertEquals(1 - LevelMatchedSampling.FLOOR + LevelMatchedSampling.FLOOR / 10, m[1], 0.03);
        assertEquals(0.1, p[1], 0.03);
    }

    @Test
    void theSameRandomGivesTheSameOrder() {
        assertArrayEquals(LevelMatchedSampling.order(SCANS, new Random(3)), LevelMatchedSampling.order(SCANS, new Random(3)));
    }

    @Test
    void eachHemorrhageClassPullsTheNormalDrawsEquallyHowEverManySlicesItHas() {
        // 100 normal slices evenly spread; 60 ICH slices at level 0.15, 6 EDH slices at level 0.85
        LabelledImages scans = new LabelledImages() {
            public int count() { return 166; }
            public int label(int i) { return i < 100 ? 0 : i < 160 ? 1 : 3; }
            public double level(int i) { return i < 100 ? i / 99.0 : i < 160 ? 0.15 : 0.85; }
            public void copyImage(int index, float[] dst, int dstOffset) { }
        };
        int low = 0, high = 0;
        for (int epoch = 0; epoch < 40; epoch++) {
            for (int i : LevelMatchedSampling.order(scans, new Random(epoch))) {
                if (scans.label(i) != 0) continue;
                if (scans.level(i) >= 0.1 && scans.level(i) < 0.2) low++;
                if (scans.level(i) >= 0.8 && scans.level(i) < 0.9) high++;
            }
        }
        assertEquals(1.0, (double) high / low, 0.1, low + " normal draws at the ICH level, " + high + " at the EDH level");
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
