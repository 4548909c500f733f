package org.ichnet.bench;

import org.ichnet.model.ConvBlock;
import org.ichnet.model.Head;
import org.ichnet.model.ModelCost;
import org.ichnet.model.ModelSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FlopsPerImageTest {

    /** One 3x3 conv with 2 filters on an 8x8x1 image, pool, global average pool, dense 2->3, dense 3->4. */
    private static final ModelSpec TINY = new ModelSpec("tiny", List.of(ConvBlock.of(1, 2)), new Head(3, 0, false), false, false);

    @Test
    void flopsOfATinySpecAreTheHandCount() {
        ModelCost cost = ModelCost.of(TINY, 8, 1);
        // MACs: conv 8*8 positions * 9 taps * 1 in * 2 out = 1152; dense 2*3 = 6; dense 3*4 = 12 -> 1170 MACs
        assertEquals(2 * 1170, cost.forwardFlops());
        assertEquals(3 * 2 * 1170, cost.trainFlops());
        // conv 9*1*2 + 2 biases = 20; dense 2*3 + 3 = 9; dense 3*4 + 4 = 16
        assertEquals(45, cost.parameters());
    }

    @Test
    void rateTimesFlopsOverTheRoofIsTheRatio() {
        ModelCost cost = new ModelCost(100, 2_000_000_000L); // 2 GFLOP forward, 6 GFLOP per training image
        BenchResult.ModelResult m = BenchResult.ModelResult.of(cost, 10, 50, 200);
        assertEquals(2_000_000_000L, m.flopsPerImageForward());
        assertEquals(6_000_000_000L, m.flopsPerImageTrain());
        assertEquals(60, m.trainGflops(), 1e-9);
        assertEquals(0.30, m.trainRoofRatio(), 1e-12);
        assertEquals(100, m.inferGflops(), 1e-9);
        assertEquals(0.50, m.inferRoofRatio(), 1e-12);
    }

    @Test
    void peakMemoryIsReadFromTheVmHwmLine() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  2097152 kB\nVmRSS:\t 1000 kB\n";
        assertEquals(2048.0, PeakMemory.parse(status).orElseThrow());
        assertTrue(PeakMemory.parse("Name:\tjava\n").isEmpty());
    }
}
