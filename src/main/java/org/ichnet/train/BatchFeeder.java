package org.ichnet.train;

import org.ichnet.preprocess.AugmentOptions;
import org.ichnet.preprocess.Augmenter;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Assembles shuffled, augmented training batches one step ahead of the trainer, on its own thread,
 * so the next batch is ready when TensorFlow finishes the current one. The order and augmentation
 * of epoch e depend only on (seed, e): a resumed run sees exactly the batches it would have seen.
 */
final class BatchFeeder implements AutoCloseable {
    record Batch(float[] images, int[] labels, float[] weights, int count) {
    }

    private final LabelledImages data;
    private final int valuesPerImage, size, channels, batchSize;
    private final float[] classWeights;
    private final Augmenter augmenter;
    private final boolean augment;
    private final ClassWeighting weighting;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ichnet-batches");
        t.setDaemon(true);
        return t;
    });

    BatchFeeder(LabelledImages data, int size, int channels, int batchSize, float[] classWeights, AugmentOptions augment,
                ClassWeighting weighting) {
        this.weighting = weighting;
        this.data = data;
        this.size = size;
        this.channels = channels;
        this.valuesPerImage = size * size * channels;
        this.batchSize = batchSize;
        this.classWeights = classWeights;
        this.augmenter = new Augmenter(augment);
        this.augment = !augment.isIdentity();
    }

    int batchesPerEpoch() {
        return (data.count() + batchSize - 1) / batchSize;
    }

    /** Runs {@code consumer} on every batch of the epoch in order, preparing batch b+1 while b trains. */
    void forEachBatch(long seed, int epoch, java.util.function.Consumer<Batch> consumer) {
        Random rnd = new Random(seed * 1_000_003L + epoch);
        int[] order = switch (weighting) {
            case BALANCED_SAMPLING -> classBalanced(data, rnd);
            case LEVEL_MATCHED_SAMPLING -> LevelMatchedSampling.order(data, rnd);
            case NONE, BALANCED, SQRT_BALANCED -> shuffled(data.count(), rnd);
        };
        int batches = batchesPerEpoch();
        CompletableFuture<Batch> next = CompletableFuture.supplyAsync(() -> assemble(order, 0, seed, epoch), worker);
        for (int b = 0; b < batches; b++) {
            Batch current = next.join();
            int following = b + 1;
            next = following < batches
                    ? CompletableFuture.supplyAsync(() -> assemble(order, following, seed, epoch), worker)
                    : null;
            consumer.accept(current);
        }
    }

    private Batch assemble(int[] order, int batchIndex, long seed, int epoch) {
        int from = batchIndex * batchSize, count = Math.min(batchSize, order.length - from);
        float[] images = new float[count * valuesPerImage];
        int[] labels = new int[count];
        float[] weights = new float[count];
        Random rnd = new Random((seed * 31 + epoch) * 1_000_003L + batchIndex);
        for (int i = 0; i < count; i++) {
            int idx = order[from + i];
            data.copyImage(idx, images, i * valuesPerImage);
            if (augment) augmenter.augment(images, i * valuesPerImage, size, channels, rnd);
            labels[i] = data.label(idx);
            weights[i] = classWeights[labels[i]];
        }
        return new Batch(images, labels, weights, count);
    }

    /** As many draws as the data has images, each from a uniformly chosen class present in the data. */
    static int[] classBalanced(LabelledImages data, Random rnd) {
        java.util.Map<Integer, java.util.List<Integer>> byClass = new java.util.TreeMap<>();
        for (int i = 0; i < data.count(); i++) byClass.computeIfAbsent(data.label(i), k -> new java.util.ArrayList<>()).add(i);
        java.util.List<java.util.List<Integer>> classes = new java.util.ArrayList<>(byClass.values());
        int[] order = new int[data.count()];
        for (int i = 0; i < order.length; i++) {
            java.util.List<Integer> members = classes.get(rnd.nextInt(classes.size()));
            order[i] = members.get(rnd.nextInt(members.size()));
        }
        return order;
    }

    static int[] shuffled(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
