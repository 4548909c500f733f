package org.ichnet.model;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * The machine's practical compute roof: an fp32 {@code n x n} by {@code n x n} matrix multiply through
 * the same TensorFlow runtime (threads, oneDNN) the models use. Operands are variables filled once, so
 * a timed run is the multiply alone (no feeding, the product is not copied out). Always fp32: the
 * bf16 switch of {@code runtime} is ignored, the roof is the fp32 figure the models are compared to.
 */
public final class MatmulRoof {

    private MatmulRoof() {
    }

    /** Floating-point operations of one {@code n x n} multiply: n³ multiply-adds. */
    public static double flops(int n) {
        return 2.0 * n * n * n;
    }

    /**
     * Seconds per multiply, one value per repeat (each repeat times {@code multipliesPerRepeat}
     * multiplies), after {@code warmup} untimed multiplies.
     */
    public static double[] secondsPerMultiply(int n, int warmup, int repeats, int multipliesPerRepeat, RuntimeOptions runtime) {
        if (n < 1 || repeats < 1 || multipliesPerRepeat < 1) throw new IllegalArgumentException("n, repeats and multiplies must be ≥ 1");
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Shape shape = Shape.of(n, n);
            Variable<TFloat32> a = tf.withName("roof_a").variable(tf.random.statelessRandomUniform(
                    tf.constant(shape.asArray()), tf.constant(new long[]{1, 2}), TFloat32.class));
            Variable<TFloat32> b = tf.withName("roof_b").variable(tf.random.statelessRandomUniform(
                    tf.constant(shape.asArray()), tf.constant(new long[]{3, 4}), TFloat32.class));
            MatMul<TFloat32> product = tf.withName("roof_product").linalg.matMul(a, b);
            try (Session session = new Session(graph, runtime.withBf16(false).toConfigProto())) {
                session.initialize();
                for (int i = 0; i < warmup; i++) multiply(session, product);
                double[] seconds = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < multipliesPerRepeat; i++) multiply(session, product);
                    seconds[r] = (System.nanoTime() - t0) / 1e9 / multipliesPerRepeat;
                }
                return seconds;
            }
        }
    }

    private static void multiply(Session session, MatMul<TFloat32> product) {
        try (Result ignored = session.runner().addTarget(product).run()) {
            // the product stays inside TensorFlow: only the multiply is timed
        }
    }
}
