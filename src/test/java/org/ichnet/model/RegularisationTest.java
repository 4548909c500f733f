package org.ichnet.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RegularisationTest {
    private static final InputShape SMALL = new InputShape(32, 1);
    private static final RuntimeOptions RUNTIME = new RuntimeOptions(false, 2, 1);
    private static final int N = 16;

    private static final int[] LABELS = new int[N];
    private static final float[] IMAGES = TrainableCnnTest.toyImages(N, LABELS, 2);
    private static final float[] ONES = new float[N];

    static {
        java.util.Arrays.fill(ONES, 1f);
    }

    /** Losses of {@code steps} training steps, predicting after each (which swaps an average in and out). */
    private static float[] losses(TrainableCnn cnn, int steps, float lr) {
        float[] out = new float[steps];
        for (int step = 0; step < steps; step++) {
            out[step] = cnn.trainStep(IMAGES, LABELS, ONES, N, step, lr);
            cnn.predict(IMAGES, N);
        }
        return out;
    }

    /** Predictions after {@code steps} training steps of a fresh model. */
    private static float[][] trainedPredictions(ModelSpec spec, long seed, Regularisation recipe, int steps, float lr) {
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, seed, RUNTIME, recipe)) {
            losses(cnn, steps, lr);
            return cnn.predict(IMAGES, N);
        }
    }

    @Test
    void weightAverageLeavesTrainingUntouchedButChangesPredictions() {
        ModelSpec spec = PaperModels.model2(PaperModels.Variant.IMPROVED);
        float[] plain, averaged;
        float[][] plainP, averagedP;
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 3, RUNTIME)) {
            plain = losses(cnn, 8, 3e-3f);
            plainP = cnn.predict(IMAGES, N);
        }
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 3, RUNTIME, new Regularisation(0, 0.9, 0))) {
            averaged = losses(cnn, 8, 3e-3f);
            averagedP = cnn.predict(IMAGES, N);
        }
        assertArrayEquals(plain, averaged, 1e-6f, "the average must be swapped out again before the next step");
        double diff = 0;
        for (int i = 0; i < N; i++) for (int k = 0; k < 4; k++) diff += Math.abs(plainP[i][k] - averagedP[i][k]);
        assertTrue(diff > 1e-3, "predictions should come from the averaged weights, total |diff| " + diff);
    }

    @Test
    void anAverageWithNoMemoryIsTheTrainedModel() {
        // decay ~0: the average is the weights after the last step, so it must predict like the plain model
        ModelSpec spec = PaperModels.model1(PaperModels.Variant.IMPROVED);
        float[][] plain = trainedPredictions(spec, 8, Regularisation.NONE, 4, 3e-3f);
        float[][] averaged = trainedPredictions(spec, 8, new Regularisation(0, 1e-9, 0), 4, 3e-3f);
        for (int i = 0; i < N; i++) assertArrayEquals(plain[i], averaged[i], 1e-5f, "image " + i);
    }

    @Test
    void exportedModelPredictsWithTheAverage(@TempDir Path dir) {
        ModelSpec spec = PaperModels.model3(PaperModels.Variant.IMPROVED);
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 4, RUNTIME, new Regularisation(0, 0.9, 0))) {
            losses(cnn, 5, 3e-3f);
            float[][] inSession = cnn.predict(IMAGES, N);
            cnn.exportSavedModel(dir.resolve("m"));
            try (SavedCnn saved = SavedCnn.load(dir.resolve("m"), RUNTIME)) {
                float[][] exported = saved.predict(IMAGES, N);
                for (int i = 0; i < N; i++) assertArrayEquals(inSession[i], exported[i], 1e-4f);
            }
        }
    }

    @Test
    void weightDecayShrinksTheKernelsOfAModelWithoutBatchNorm() {
        // paper model 2 has no batch norm: with kernels decayed hard, outputs lose their dependence on the image
        ModelSpec spec = PaperModels.model2(PaperModels.Variant.PAPER);
        double free = spreadAcrossImages(trainedPredictions(spec, 5, Regularisation.NONE, 20, 1e-3f));
        double decayed = spreadAcrossImages(trainedPredictions(spec, 5, new Regularisation(200, 0, 0), 20, 1e-3f));
        assertTrue(decayed < free / 10, "spread of probabilities across images: decayed " + decayed + ", free " + free);
    }

    @Test
    void labelSmoothingCapsConfidence() {
        ModelSpec spec = PaperModels.model3(PaperModels.Variant.IMPROVED);
        double sharp = meanTrueProbability(trainedPredictions(spec, 6, Regularisation.NONE, 60, 3e-3f));
        double smoothed = meanTrueProbability(trainedPredictions(spec, 6, new Regularisation(0, 0, 0.6), 60, 3e-3f));
        // smoothing 0.6 puts 0.55 on the true class: the loss is lowest there, not at 1
        assertTrue(sharp > 0.9, "without smoothing the toy task is fitted: " + sharp);
        assertTrue(smoothed < 0.75, "with smoothing 0.6 the true class should stay near 0.55: " + smoothed);
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Regularisation(0, Double.NaN, 0));
        assertEquals("none", Regularisation.NONE.describe());
        assertEquals("weight decay 0.05, EMA of weights 0.99", new Regularisation(0.05, 0.99, 0).describe());
    }

    private static double spreadAcrossImages(float[][] p) {
        double spread = 0;
        for (int k = 0; k < 4; k++) {
            double min = 1, max = 0;
            for (float[] row : p) {
                min = Math.min(min, row[k]);
                max = Math.max(max, row[k]);
            }
            spread += max - min;
        }
        return spread;
    }

    private static double meanTrueProbability(float[][] p) {
        double sum = 0;
        for (int i = 0; i < N; i++) sum += p[i][LABELS[i]];
        return sum / N;
    }
}
