package org.ichnet.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(3.0, Stats.median(new double[]{5, 1, 3}));
        assertEquals(7.0, Stats.median(new double[]{7}));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Stats.median(new double[]{4, 1, 2, 3}));
    }

    @Test
    void anOutlierDoesNotMoveTheMedianAndTheInputIsLeftAlone() {
        double[] timings = {0.20, 5.0, 0.21, 0.19, 0.20};
        assertEquals(0.20, Stats.median(timings));
        assertArrayEquals(new double[]{0.20, 5.0, 0.21, 0.19, 0.20}, timings);
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median(new double[0]));
    }

    @Test
    void repeatsTimeEveryRepeatAfterTheWarmup() {
        int[] calls = {0};
        double[] seconds = new Repeats(2, 3, 4).secondsPerCall(() -> calls[0]++);
        assertEquals(2 + 3 * 4, calls[0]);
        assertEquals(3, seconds.length);
        for (double s : seconds) assertTrue(s >= 0 && Double.isFinite(s));
    }
}
