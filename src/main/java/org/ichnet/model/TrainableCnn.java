package org.ichnet.model;

import org.ichnet.io.AtomicFiles;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One CNN in training: a TensorFlow graph and session behind a plain-array API. Loss is
 * per-sample-weighted softmax cross-entropy (the caller passes class weights per sample), focal if asked, optimised
 * with Adam at a learning rate given per step, with the optional {@link Regularisation} levers.
 * With a weight average, predictions, the best checkpoint's export and Grad-CAM use the average.
 */
public final class TrainableCnn implements ProbabilityModel, AutoCloseable {
    private static final String CHECKPOINT_PREFIX = "ckpt";

    private final ModelSpec spec;
    private final InputShape input;
    private final long seed;
    private final RuntimeOptions runtime;
    private final Graph graph;
    private final Session session;
    private final CnnGraph net;
    private final Placeholder<TInt32> labels;
    private final Placeholder<TFloat32> sampleWeights;
    private final Operand<TFloat32> learningRate;
    private final Operand<TFloat32> loss;
    private final Op trainStep;
    private final WeightAverage average;
    /** Predictions run on the serving form of the graph, refreshed from the training weights when stale. */
    private final Graph servingGraph;
    private final Session servingSession;
    private final CnnGraph serving;
    private final Path syncDir;
    private boolean servingStale = true;

    public TrainableCnn(ModelSpec spec, InputShape input, long seed, RuntimeOptions runtime) {
        this(spec, input, seed, runtime, Regularisation.NONE);
    }

    public TrainableCnn(ModelSpec spec, InputShape input, long seed, RuntimeOptions runtime, Regularisation reg) {
        this(spec, input, seed, runtime, reg, 0);
    }

    /** With {@code focalGamma} > 0 each slice's loss is scaled by (1 - p of its class)^focalGamma (focal loss). */
    public TrainableCnn(ModelSpec spec, InputShape input, long seed, RuntimeOptions runtime, Regularisation reg,
                        double focalGamma) {
        this.spec = spec;
        this.input = input;
        this.seed = seed;
        this.runtime = runtime;
        try {
            this.graph = new Graph();
            this.net = new CnnGraph(graph, spec, input, seed, true);
            Ops tf = net.tf;
            labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
            sampleWeights = tf.withName("sample_weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
            learningRate = tf.withName("learning_rate").placeholderWithDefault(tf.constant(1e-3f), Shape.scalar());
            float spread = (float) reg.labelSmoothing() / 4;
            Operand<TFloat32> target = tf.oneHot(labels, tf.constant(4), tf.constant(1f - (float) reg.labelSmoothing() + spread),
                    tf.constant(spread));
            Operand<TFloat32> perSample = tf.nn.softmaxCrossEntropyWithLogits(net.logits, target).loss();
            if (focalGamma > 0) perSample = tf.math.mul(perSample, focalFactor(tf, focalGamma));
            loss = tf.withName("loss").math.mean(tf.math.mul(perSample, sampleWeights), tf.constant(0));
            Op adamStep = AdamUpdate.minimize(tf, loss, net.trainable, learningRateOf(tf), net.statisticUpdates,
                    (float) reg.weightDecay());
            average = reg.averagesWeights() ? new WeightAverage(tf, net.trainable, (float) reg.emaDecay(), adamStep) : null;
            trainStep = average != null ? average.update : adamStep;
            session = new Session(graph, runtime.toConfigProto());
            session.initialize();
            net.loadPretrained(session);
            servingGraph = new Graph();
            serving = new CnnGraph(servingGraph, spec, input, seed, false);
            servingSession = new Session(servingGraph, runtime.toConfigProto());
            try {
                syncDir = Files.createTempDirectory("ichnet-sync");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary folder: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            close(); // a backbone that fails to load must not leak the native graphs and sessions made before it
            throw e;
        }
    }

    /** The fed learning rate per variable: a pretrained backbone's layers learn at their fine-tuning scale of it. */
    private java.util.function.Function<org.tensorflow.op.core.Variable<TFloat32>, Operand<TFloat32>> learningRateOf(Ops tf) {
        if (!spec.pretrained() || spec.fineTuning().learningRateScale() == 1) return v -> learningRate;
        Operand<TFloat32> scaled = tf.math.mul(learningRate, tf.constant((float) spec.fineTuning().learningRateScale()));
        java.util.Set<org.tensorflow.op.core.Variable<TFloat32>> backbone = java.util.Set.copyOf(net.backboneTrainable);
        return v -> backbone.contains(v) ? scaled : learningRate;
    }

    /** (1 - p of the true class)^gamma, floored so that the gradient of a non-integer power stays finite at p = 1. */
    private Operand<TFloat32> focalFactor(Ops tf, double gamma) {
        Operand<TFloat32> trueClass = tf.oneHot(labels, tf.constant(4), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> pTrue = tf.reduceSum(tf.math.mul(tf.nn.softmax(net.logits), trueClass), tf.constant(1));
        Operand<TFloat32> miss = tf.math.maximum(tf.math.sub(tf.constant(1f), pTrue), tf.constant(1e-6f));
        return tf.math.pow(miss, tf.constant((float) gamma));
    }

    public ModelSpec spec() {
        return spec;
    }

    public InputShape input() {
        return input;
    }

    /** The current training value of a variable, e.g. {@code model1/backbone/conv1/kernel} (for tests). */
    float[] variable(String name) {
        try (Result r = session.runner().fetch(name).run()) {
            TFloat32 t = (TFloat32) r.get(0);
            float[] out = new float[(int) t.size()];
            t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
            return out;
        }
    }

    public long parameterCount() {
        return net.trainable.stream().mapToLong(v -> v.shape().size()).sum();
    }

    /** One Adam step on {@code count} images; returns the batch's weighted loss before the update. */
    public float trainStep(float[] images, int[] labelIndices, float[] weights, int count, long step, float lr) {
        try (TFloat32 x = Tensors.images(images, count, input);
             TInt32 y = Tensors.ints(labelIndices, count);
             TFloat32 w = Tensors.vector(weights, count);
             TFloat32 rate = TFloat32.scalarOf(lr);
             TFloat32 on = TFloat32.scalarOf(1f);
             Tensor stepSeed = Tensors.seed(step, seed);
             Result r = session.runner()
                     .feed(net.image, x).feed(labels, y).feed(sampleWeights, w).feed(learningRate, rate)
                     .feed(net.dropoutOn, on).feed(net.stepSeed, stepSeed)
                     .fetch(loss).addTarget(trainStep).run()) {
            servingStale = true;
            return Tensors.scalar(r.get(0));
        }
    }

    /**
     * Class probabilities from the serving graph (no dropout, batch norm from moving statistics) —
     * the graph {@link #exportSavedModel} writes — with the current weights.
     */
    public float[][] predict(float[] images, int count) {
        syncServing();
        try (TFloat32 x = Tensors.images(images, count, input);
             Result r = servingSession.runner().feed(serving.image, x).fetch(serving.probabilities).run()) {
            return Tensors.rows(r.get(0), count);
        }
    }

    private void syncServing() {
        if (!servingStale) return;
        String prefix = syncDir.resolve(CHECKPOINT_PREFIX).toString();
        saveServingWeights(prefix);
        servingSession.restore(prefix);
        servingStale = false;
    }

    /** Saves the weights a prediction uses: the average when there is one, else the trained weights. */
    private void saveServingWeights(String prefix) {
        if (average == null) {
            session.save(prefix);
            return;
        }
        session.runner().addTarget(average.useAverage).run();
        try {
            session.save(prefix);
        } finally {
            session.runner().addTarget(average.useTrained).run();
        }
    }

    /** Writes all variables (weights, Adam moments, batch-norm statistics) to {@code dir}, atomically. */
    public void saveCheckpoint(Path dir) {
        saveCheckpoint(dir, folder -> { });
    }

    /**
     * As {@link #saveCheckpoint(Path)}, letting the caller add files (e.g. the training state) to the
     * folder before it replaces the previous one, so weights and state can never disagree.
     */
    public void saveCheckpoint(Path dir, java.util.function.Consumer<Path> alsoWrite) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        try {
            AtomicFiles.deleteTree(tmp);
            Files.createDirectories(tmp);
            session.save(tmp.resolve(CHECKPOINT_PREFIX).toString());
            alsoWrite.accept(tmp);
            Path old = previous(dir);
            AtomicFiles.deleteTree(old);
            if (Files.exists(dir)) Files.move(dir, old);
            AtomicFiles.moveIntoPlace(tmp, dir);
            AtomicFiles.deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoint folder, recovered if a save was interrupted between moving the previous
     * checkpoint aside and moving the new one in.
     */
    public static Path recoverCheckpoint(Path dir) {
        Path old = previous(dir);
        try {
            if (!Files.exists(dir) && Files.exists(old)) Files.move(old, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover checkpoint " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static Path previous(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".old");
    }

    public static boolean hasCheckpoint(Path dir) {
        return Files.exists(dir.resolve(CHECKPOINT_PREFIX + ".index"));
    }

    public void restoreCheckpoint(Path dir) {
        if (!hasCheckpoint(dir)) throw new IllegalArgumentException(dir + ": no checkpoint here");
        session.restore(dir.resolve(CHECKPOINT_PREFIX).toString());
        servingStale = true;
    }

    /**
     * Exports a serving SavedModel (signature {@code serving_default}: image -> probabilities, and
     * {@code gradcam}: image, class_index -> cam, probabilities) built from an inference-only graph, so
     * Adam's slots are not shipped.
     */
    public void exportSavedModel(Path dir) {
        Path staging = dir.resolveSibling(dir.getFileName() + ".export-tmp");
        try {
            AtomicFiles.deleteTree(staging);
            Path weights = Files.createTempDirectory("ichnet-weights");
            try {
                saveServingWeights(weights.resolve(CHECKPOINT_PREFIX).toString());
                ServingExport.export(spec, input, weights.resolve(CHECKPOINT_PREFIX), staging, runtime);
            } finally {
                AtomicFiles.deleteTree(weights);
            }
            AtomicFiles.deleteTree(dir);
            Files.createDirectories(dir.toAbsolutePath().getParent());
            AtomicFiles.moveIntoPlace(staging, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export SavedModel to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (servingSession != null) servingSession.close();
        if (servingGraph != null) servingGraph.close();
        if (session != null) session.close();
        if (graph != null) graph.close();
        try {
            if (syncDir != null) AtomicFiles.deleteTree(syncDir);
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
