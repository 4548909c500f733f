package org.ichnet.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

import java.util.ArrayList;
import java.util.List;

/**
 * The few layers the paper's CNNs need, NHWC, written once. Every variable gets an explicit,
 * stable name so a training checkpoint restores into the slimmer inference graph, and every
 * random op is stateless (keyed by a per-layer constant and the fed step) so a resumed run
 * draws the same dropout masks as an uninterrupted one.
 */
final class LayerKit {
    private static final float BN_EPSILON = 1e-3f;
    private final Ops tf;
    private final boolean training;
    private final long initSeed;
    private final Operand<TFloat32> dropoutOn;
    private final Operand<TInt64> stepSeed;
    private final List<Variable<TFloat32>> trainable = new ArrayList<>();
    private final List<Operand<?>> statUpdates = new ArrayList<>();
    private int randomLayer;

    /** {@code training=false} builds the serving form: no dropout ops, batch norm from moving statistics only. */
    LayerKit(Ops tf, boolean training, long initSeed, Operand<TFloat32> dropoutOn, Operand<TInt64> stepSeed) {
        this.tf = tf;
        this.training = training;
        this.initSeed = initSeed;
        this.dropoutOn = dropoutOn;
        this.stepSeed = stepSeed;
    }

    List<Variable<TFloat32>> trainableVariables() {
        return trainable;
    }

    /** Moving-average updates of batch-norm statistics, to run with every training step. */
    List<Operand<?>> statisticUpdates() {
        return statUpdates;
    }

    Operand<TFloat32> conv3x3(Operand<TFloat32> x, int in, int out, String name, boolean withBias) {
        Variable<TFloat32> kernel = heNormal(name + "/kernel", Shape.of(3, 3, in, out), 9L * in);
        Operand<TFloat32> y = tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
        return withBias ? tf.nn.biasAdd(y, zeros(name + "/bias", out)) : y;
    }

    /**
     * Batch normalisation, fused. Training graphs normalise with the batch's statistics and update
     * the moving averages (run with every step); serving graphs use the moving averages.
     */
    Operand<TFloat32> batchNorm(Operand<TFloat32> x, int channels, String name) {
        Operand<TFloat32> gamma = variable(name + "/gamma", tf.fill(tf.constant(new int[]{channels}), tf.constant(1f)), true);
        Operand<TFloat32> beta = zeros(name + "/beta", channels);
        Variable<TFloat32> movingMean = variable(name + "/moving_mean", tf.fill(tf.constant(new int[]{channels}), tf.constant(0f)), false);
        Variable<TFloat32> movingVar = variable(name + "/moving_variance", tf.fill(tf.constant(new int[]{channels}), tf.constant(1f)), false);
        if (!training) {
            return tf.nn.fusedBatchNorm(x, gamma, beta, movingMean, movingVar,
                    FusedBatchNorm.isTraining(false), FusedBatchNorm.epsilon(BN_EPSILON)).y();
        }
        Operand<TFloat32> none = tf.constant(new float[0]);
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, gamma, beta, none, none,
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(BN_EPSILON));
        float momentum = 0.9f;
        statUpdates.add(tf.assign(movingMean, tf.math.add(tf.math.mul(movingMean, tf.constant(momentum)),
                tf.math.mul(bn.batchMean(), tf.constant(1 - momentum)))));
        statUpdates.add(tf.assign(movingVar, tf.math.add(tf.math.mul(movingVar, tf.constant(momentum)),
                tf.math.mul(bn.batchVariance(), tf.constant(1 - momentum)))));
        return bn.y();
    }

    Operand<TFloat32> relu(Operand<TFloat32> x) {
        return tf.nn.relu(x);
    }

    Operand<TFloat32> maxPool2x2(Operand<TFloat32> x) {
        return tf.nn.maxPool(x, tf.constant(new int[]{1, 2, 2, 1}), tf.constant(new int[]{1, 2, 2, 1}), "VALID");
    }

    /**
     * Inverted dropout, active only when {@code dropoutOn} is fed as 1 (default 0: serving needs no
     * extra input). {@code spatial} drops whole channels of a feature map (Tompson et al. 2015): one
     * random number per channel instead of per activation, 1.6x faster here, but on 16-channel maps
     * it kept model 1 from fitting even 64 slices (docs/MODELS.md), so the specs use element-wise.
     */
    Operand<TFloat32> dropout(Operand<TFloat32> x, double rate, boolean spatial) {
        if (rate <= 0 || !training) return x;
        long layer = ++randomLayer;
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant((float) rate), dropoutOn));
        Operand<TInt64> seed = tf.math.add(stepSeed, tf.constant(new long[]{initSeed * 1_000_003L + layer * 7919L, 0}));
        Operand<TInt32> shape = tf.shape(x);
        Operand<TInt32> noiseShape = spatial && x.shape().numDimensions() == 4
                ? tf.concat(List.of(tf.slice(shape, tf.constant(new int[]{0}), tf.constant(new int[]{1})),
                        tf.constant(new int[]{1, 1}),
                        tf.slice(shape, tf.constant(new int[]{3}), tf.constant(new int[]{1}))), tf.constant(0))
                : shape;
        Operand<TFloat32> uniform = tf.random.statelessRandomUniform(noiseShape, seed);
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, keep));
        return tf.math.div(tf.math.mul(x, mask), keep);
    }

    Operand<TFloat32> globalAveragePool(Operand<TFloat32> x) {
        return tf.math.mean(x, tf.constant(new int[]{1, 2}));
    }

    Operand<TFloat32> globalMaxPool(Operand<TFloat32> x) {
        return tf.reduceMax(x, tf.constant(new int[]{1, 2}));
    }

    Operand<TFloat32> dense(Operand<TFloat32> x, int in, int out, String name) {
        Variable<TFloat32> w = heNormal(name + "/kernel", Shape.of(in, out), in);
        return tf.nn.biasAdd(tf.linalg.matMul(x, w), zeros(name + "/bias", out));
    }

    private Variable<TFloat32> heNormal(String name, Shape shape, long fanIn) {
        long layerSeed = initSeed * 31 + name.hashCode();
        Operand<TFloat32> normal = tf.random.statelessTruncatedNormal(tf.constant(shape.asArray()),
                tf.constant(new long[]{layerSeed, initSeed}));
        // a truncated normal at ±2σ has standard deviation 0.8796σ: rescale so the He variance 2/fanIn holds
        float std = (float) (Math.sqrt(2.0 / fanIn) / 0.87962566);
        return variable(name, tf.math.mul(normal, tf.constant(std)), true);
    }

    private Variable<TFloat32> zeros(String name, int size) {
        return variable(name, tf.fill(tf.constant(new int[]{size}), tf.constant(0f)), true);
    }

    private Variable<TFloat32> variable(String name, Operand<TFloat32> init, boolean isTrainable) {
        Variable<TFloat32> v = Names.at(tf, name).variable(init);
        if (isTrainable) trainable.add(v);
        return v;
    }
}
