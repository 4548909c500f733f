package org.ichnet.bench;

import org.ichnet.model.InputShape;
import org.ichnet.model.ModelSpec;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.model.TrainableCnn;

import java.util.Arrays;
import java.util.Random;

/** Training and inference throughput of one CNN on random images: warm-up excluded, median of repeats. */
public final class ModelSpeed {
    public record Result(double trainImagesPerSec, double inferImagesPerSec) {
    }

    private ModelSpeed() {
    }

    public static Result measure(ModelSpec spec, InputShape input, int trainBatch, int inferBatch,
                                 int warmupSteps, int repeats, int stepsPerRepeat, RuntimeOptions runtime) {
        Random rnd = new Random(1);
        int n = Math.max(trainBatch, inferBatch);
        float[] images = new float[n * input.valuesPerImage()];
        for (int i = 0; i < images.length; i++) images[i] = rnd.nextFloat();
        int[] labels = new int[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            weights[i] = 1f;
        }
        try (TrainableCnn cnn = new TrainableCnn(spec, input, 1, runtime)) {
            long step = 0;
            for (int i = 0; i < warmupSteps; i++) cnn.trainStep(images, labels, weights, trainBatch, step++, 1e-4f);
            double[] train = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < stepsPerRepeat; i++) cnn.trainStep(images, labels, weights, trainBatch, step++, 1e-4f);
                train[r] = (double) stepsPerRepeat * trainBatch / ((System.nanoTime() - t0) / 1e9);
            }
            for (int i = 0; i < warmupSteps; i++) cnn.predict(images, inferBatch);
            double[] infer = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < stepsPerRepeat; i++) cnn.predict(images, inferBatch);
                infer[r] = (double) stepsPerRepeat * inferBatch / ((System.nanoTime() - t0) / 1e9);
            }
            return new Result(median(train), median(infer));
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        boolean bf16 = Boolean.parseBoolean(args[1]);
        var variant = org.ichnet.model.PaperModels.Variant.valueOf(args.length > 2 ? args[2] : "PAPER");
        for (ModelSpec spec : org.ichnet.model.PaperModels.all(variant)) {
            var cost = org.ichnet.model.ModelCost.of(spec, size, 1);
            Result r = measure(spec, new InputShape(size, 1), 16, 32, 3, 3, 5, RuntimeOptions.defaults().withBf16(bf16));
            System.out.printf("%s %s params=%d fwdGFLOP=%.3f train=%.1f img/s (%.0f GFLOP/s) infer=%.1f img/s%n",
                    spec.name(), spec.layerSummary(), cost.parameters(), cost.forwardFlops() / 1e9,
                    r.trainImagesPerSec(), r.trainImagesPerSec() * cost.trainFlops() / 1e9, r.inferImagesPerSec());
        }
    }
}
