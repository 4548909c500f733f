package org.ichnet.bench;

import java.io.PrintWriter;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One line per finished measurement on a stream (stderr): what, its result, how long it took. Written whole
 * at the end, so TensorFlow's own log lines cannot split it.
 */
final class ProgressLine {
    private final PrintWriter out;
    private int done;
    private final int total;

    /** {@code out} null: silent. */
    ProgressLine(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    <T> T measure(String what, Supplier<T> body, Function<T, String> shown) {
        done++;
        long t0 = System.nanoTime();
        T value = body.get();
        if (out != null) {
            out.printf("bench [%d/%d] %s: %s (%.1f s)%n", done, total, what, shown.apply(value), (System.nanoTime() - t0) / 1e9);
            out.flush();
        }
        return value;
    }
}
