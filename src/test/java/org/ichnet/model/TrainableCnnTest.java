package org.ichnet.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TrainableCnnTest {
    private static final InputShape SMALL = new InputShape(32, 1);
    private static final RuntimeOptions RUNTIME = new RuntimeOptions(false, 2, 1);

    /** A learnable toy task: class k has a bright square in quadrant k. */
    static float[] toyImages(int n, int[] labels, long seed) {
        Random rnd = new Random(seed);
        int s = SMALL.size();
        float[] x = new float[n * s * s];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            int ox = (labels[i] % 2) * s / 2, oy = (labels[i] / 2) * s / 2;
            for (int y = 0; y < s; y++)
                for (int xx = 0; xx < s; xx++) {
                    boolean inSquare = xx >= ox + 4 && xx < ox + 12 && y >= oy + 4 && y < oy + 12;
                    x[i * s * s + y * s + xx] = (inSquare ? 0.8f : 0.1f) + 0.05f * (float) rnd.nextGaussian();
                }
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(PaperModels.Variant.class)
    void outputsAreProbabilitiesAndParameterCountMatchesTheArchitecture(PaperModels.Variant variant) {
        for (ModelSpec spec : PaperModels.all(variant)) {
            try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 1, RUNTIME)) {
                int[] labels = new int[5];
                float[][] p = cnn.predict(toyImages(5, labels, 1), 5);
                assertEquals(5, p.length);
                for (float[] row : p) {
                    assertEquals(4, row.length);
                    double sum = 0;
                    for (float v : row) sum += v;
                    assertEquals(1.0, sum, 1e-5);
                }
                assertEquals(ModelCost.of(spec, 32, 1).parameters(), cnn.parameterCount(), spec.name());
            }
        }
    }

    @Test
    void paperLayerCountsAreThePapers() {
        assertEquals("6 conv + 3 max-pool + 3 dropout", PaperModels.model1(PaperModels.Variant.PAPER).layerSummary());
        assertEquals("7 conv + 3 max-pool + 0 dropout", PaperModels.model2(PaperModels.Variant.PAPER).layerSummary());
        assertEquals("3 conv + 3 max-pool + 3 dropout", PaperModels.model3(PaperModels.Variant.PAPER).layerSummary());
    }

    @ParameterizedTest
    @EnumSource(PaperModels.Variant.class)
    void trainingLowersTheLossOnATinySyntheticSet(PaperModels.Variant variant) {
        int n = 16;
        int[] labels = new int[n];
        float[] x = toyImages(n, labels, 2);
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        try (TrainableCnn cnn = new TrainableCnn(PaperModels.model1(variant), SMALL, 3, RUNTIME)) {
            float first = cnn.trainStep(x, labels, w, n, 0, 3e-3f);
            float last = first;
            for (int step = 1; step <= 30; step++) last = cnn.trainStep(x, labels, w, n, step, 3e-3f);
            assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
        }
    }

    @Test
    void focalLossIsCrossEntropyScaledByTheProbabilityMissed() {
        int n = 8;
        int[] labels = new int[n];
        float[] x = toyImages(n, labels, 2);
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        // neither dropout nor batch norm: a training step sees the probabilities predict returns
        ModelSpec spec = PaperModels.model2(PaperModels.Variant.PAPER);
        try (TrainableCnn focal = new TrainableCnn(spec, SMALL, 3, RUNTIME, Regularisation.NONE, 2.0);
             TrainableCnn plain = new TrainableCnn(spec, SMALL, 3, RUNTIME, Regularisation.NONE)) {
            float[][] p = focal.predict(x, n);
            double focalExpected = 0, plainExpected = 0;
            for (int i = 0; i < n; i++) {
                double pTrue = p[i][labels[i]];
                plainExpected += -Math.log(pTrue) / n;
                focalExpected += -Math.log(pTrue) * (1 - pTrue) * (1 - pTrue) / n;
            }
            assertEquals(plainExpected, plain.trainStep(x, labels, w, n, 0, 1e-3f), 1e-3 * plainExpected);
            assertEquals(focalExpected, focal.trainStep(x, labels, w, n, 0, 1e-3f), 1e-3 * focalExpected);
        }
    }

    static java.util.stream.Stream<Regularisation> recipes() {
        return java.util.stream.Stream.of(Regularisation.NONE, new Regularisation(0.05, 0.9, 0.1));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("recipes")
    void aResumedRunEndsWithTheSameWeightsAsAnUninterruptedOne(Regularisation recipe, @TempDir Path dir) {
        int n = 8;
        int[] labels = new int[n];
        float[] x = toyImages(n, labels, 4);
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        ModelSpec spec = PaperModels.model1(PaperModels.Variant.IMPROVED); // dropout and batch norm: the hard case
        float[][] uninterrupted;
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 5, RUNTIME, recipe)) {
            for (int step = 0; step < 6; step++) cnn.trainStep(x, labels, w, n, step, 1e-3f);
            uninterrupted = cnn.predict(x, n);
        }
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 5, RUNTIME, recipe)) {
            for (int step = 0; step < 3; step++) cnn.trainStep(x, labels, w, n, step, 1e-3f);
            cnn.predict(x, n); // with a weight average: swapped in and out before the save
            cnn.saveCheckpoint(dir.resolve("ckpt"));
        }
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 5, RUNTIME, recipe)) {
            cnn.restoreCheckpoint(dir.resolve("ckpt"));
            for (int step = 3; step < 6; step++) cnn.trainStep(x, labels, w, n, step, 1e-3f);
            float[][] resumed = cnn.predict(x, n);
            for (int i = 0; i < n; i++) assertArrayEquals(uninterrupted[i], resumed[i], 0f, "image " + i);
        }
    }

    @Test
    void theSavedModelPredictsExactlyLikeTheTrainedModelAndGivesGradCamMaps(@TempDir Path dir) {
        int n = 8;
        int[] labels = new int[n];
        float[] x = toyImages(n, labels, 6);
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        ModelSpec spec = PaperModels.model3(PaperModels.Variant.IMPROVED);
        float[][] before;
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 7, RUNTIME)) {
            for (int step = 0; step < 5; step++) cnn.trainStep(x, labels, w, n, step, 1e-3f);
            before = cnn.predict(x, n);
            cnn.exportSavedModel(dir.resolve("model3"));
        }
        try (SavedCnn saved = SavedCnn.load(dir.resolve("model3"), RUNTIME)) {
            assertEquals(SMALL, saved.input());
            float[][] after = saved.predict(x, n);
            for (int i = 0; i < n; i++) assertArrayEquals(before[i], after[i], 1e-6f);
            GradCamMaps cams = saved.gradCam(x, n, labels);
            assertEquals(8, cams.width()); // 32 -> two pools -> last conv of block 3 runs at 8x8
            float max = 0;
            for (float v : cams.values()) {
                assertTrue(v >= 0);
                max = Math.max(max, v);
            }
            assertTrue(max > 0, "Grad-CAM maps are all zero");
        }
    }
}
