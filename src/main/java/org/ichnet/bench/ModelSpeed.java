package org.ichnet.bench;

import org.ichnet.model.ProbabilityModel;
import org.ichnet.model.TrainableCnn;

/** Training and inference throughput of one CNN on synthetic images: warm-up excluded, median of repeats. */
public final class ModelSpeed {
    private static final float LEARNING_RATE = 1e-4f;

    private ModelSpeed() {
    }

    /** Images per second of full Adam steps (forward, backward, update) at {@code batch}. */
    public static double trainImagesPerSec(TrainableCnn cnn, SyntheticBatch data, int batch, Repeats repeats) {
        data.requireAtLeast(batch);
        long[] step = {0};
        return repeats.medianRate(batch,
                () -> cnn.trainStep(data.images(), data.labels(), data.weights(), batch, step[0]++, LEARNING_RATE));
    }

    /** Images per second of class probabilities at {@code batch}. */
    public static double inferImagesPerSec(ProbabilityModel model, SyntheticBatch data, int batch, Repeats repeats) {
        data.requireAtLeast(batch);
        return repeats.medianRate(batch, () -> model.predict(data.images(), batch));
    }
}
