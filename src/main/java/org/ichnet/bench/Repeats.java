package org.ichnet.bench;

/**
 * How one measurement is timed: {@code warmup} untimed calls (graph optimisation, oneDNN primitive
 * creation, JIT), then {@code repeats} timed repeats of {@code callsPerRepeat} calls each.
 */
public record Repeats(int warmup, int repeats, int callsPerRepeat) {
    public Repeats {
        if (warmup < 0 || repeats < 1 || callsPerRepeat < 1) {
            throw new IllegalArgumentException("need warmup ≥ 0, repeats ≥ 1, calls per repeat ≥ 1");
        }
    }

    /** Seconds per call, one value per repeat, warm-up excluded. */
    public double[] secondsPerCall(Runnable call) {
        for (int i = 0; i < warmup; i++) call.run();
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < callsPerRepeat; i++) call.run();
            seconds[r] = (System.nanoTime() - t0) / 1e9 / callsPerRepeat;
        }
        return seconds;
    }

    /** Items per second from the median repeat, where one call handles {@code itemsPerCall} items. */
    public double medianRate(int itemsPerCall, Runnable call) {
        return itemsPerCall / Stats.median(secondsPerCall(call));
    }
}
