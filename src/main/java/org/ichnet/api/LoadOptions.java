package org.ichnet.api;

import org.ichnet.model.RuntimeOptions;

/**
 * How {@link Ichnet} runs the ensemble it loads: {@link #defaults()}, or at most a number of TensorFlow threads
 * ({@link #threads(int)}), for a program that shares the machine, e.g. a Spark executor given some of a node's
 * cores. Immutable.
 *
 * <pre>{@code
 * try (var model = Ichnet.load(Path.of("models/ich-wa2d"), LoadOptions.threads(2))) { ... }
 * }</pre>
 *
 * <p>TensorFlow makes its thread pools once per process, sized by the first model (session) loaded in it: the
 * bound holds when this is the JVM's first model, and a model loaded later runs on the pools already made,
 * whatever its options. Predictions are the same with any bound.
 */
public final class LoadOptions {
    private final RuntimeOptions runtime;

    private LoadOptions(RuntimeOptions runtime) {
        this.runtime = runtime;
    }

    /** As {@link Ichnet#load(java.nio.file.Path)} runs a model: each op on up to one thread per processor the JVM sees. */
    public static LoadOptions defaults() {
        return new LoadOptions(RuntimeOptions.defaults());
    }

    /**
     * At most {@code threads} threads per TensorFlow thread pool: {@code threads} threads share the work of each
     * op (intra-op; by default one per processor), and the inter-op pool keeps its one thread. Every thread
     * calling the model shares them: bound a model by the cores of the program, not of each calling thread.
     *
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    public static LoadOptions threads(int threads) {
        return new LoadOptions(RuntimeOptions.defaults().withThreads(threads));
    }

    RuntimeOptions runtime() {
        return runtime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadOptions other && runtime.equals(other.runtime);
    }

    @Override
    public int hashCode() {
        return runtime.hashCode();
    }

    @Override
    public String toString() {
        return "LoadOptions[threads=" + runtime.intraOpThreads() + "]";
    }
}
