package org.ichnet.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A pretrained backbone as an ensemble member: frozen layers stay as released, and its SavedModel predicts as in-process. */
class FineTunedBackboneTest {
    private static final InputShape SMALL = new InputShape(64, 1);
    private static final RuntimeOptions RUNTIME = new RuntimeOptions(false, 2, 1);

    private static ModelSpec v1TrainedFrom(String layer) {
        return ModelSpec.pretrained("model1", Backbones.MOBILENET_V1, PaperModels.head(PaperModels.Variant.IMPROVED),
                new FineTuning(layer, 0.1));
    }

    private static float[] images(int n, int[] labels) {
        java.util.Random r = new java.util.Random(3);
        float[] x = new float[n * SMALL.valuesPerImage()];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        for (int i = 0; i < n; i++) labels[i] = i % 4;
        return x;
    }

    @Test
    void frozenLayersStayAsReleasedWhileTheTrainedOnesMove() {
        TfjsModel released = VendoredWeights.load(Backbones.MOBILENET_V1.weights());
        try (TrainableCnn cnn = new TrainableCnn(v1TrainedFrom("conv_dw_13"), SMALL, 1, RUNTIME)) {
            assertArrayEquals(released.weights().get("conv1/kernel").values(), cnn.variable("model1/backbone/conv1/kernel"),
                    "loaded as released");
            int n = 8;
            int[] labels = new int[n];
            float[] x = images(n, labels);
            float[] w = new float[n];
            java.util.Arrays.fill(w, 1);
            for (int step = 0; step < 3; step++) cnn.trainStep(x, labels, w, n, step, 1e-2f);
            for (String frozen : new String[]{"conv1/kernel", "conv_pw_12/kernel", "conv_pw_12_bn/gamma", "conv_dw_13_bn/moving_mean"}) {
                assertArrayEquals(released.weights().get(frozen).values(), cnn.variable("model1/backbone/" + frozen), frozen);
            }
            for (String trained : new String[]{"conv_dw_13/depthwise_kernel", "conv_dw_13_bn/gamma"}) {
                assertFalse(java.util.Arrays.equals(released.weights().get(trained).values(),
                        cnn.variable("model1/backbone/" + trained)), trained + " was fine-tuned");
            }
            assertEquals(ModelCost.of(v1TrainedFrom("conv_dw_13"), 64, 1).parameters(),
                    trainableParametersIfAllTrained(), "the cost model counts the released weights and the head");
        }
    }

    /** Every released weight but batch-norm statistics, plus the head: what ModelCost reports. */
    private static long trainableParametersIfAllTrained() {
        try (TrainableCnn all = new TrainableCnn(v1TrainedFrom(""), SMALL, 1, RUNTIME)) {
            return all.parameterCount();
        }
    }

    @Test
    void theSavedModelOfABackboneMemberPredictsExactlyAsInProcess(@TempDir Path dir) {
        ModelSpec spec = ModelSpec.pretrained("model2", Backbones.MOBILENET_V2, PaperModels.head(PaperModels.Variant.IMPROVED),
                new FineTuning("block_16_expand", 0.1));
        try (TrainableCnn cnn = new TrainableCnn(spec, SMALL, 2, RUNTIME)) {
            int n = 8;
            int[] labels = new int[n];
            float[] x = images(n, labels);
            float[] w = new float[n];
            java.util.Arrays.fill(w, 1);
            cnn.trainStep(x, labels, w, n, 0, 1e-3f);
            float[][] inProcess = cnn.predict(x, n);
            cnn.exportSavedModel(dir.resolve("model2"));
            try (SavedCnn saved = SavedCnn.load(dir.resolve("model2"), RUNTIME)) {
                float[][] reloaded = saved.predict(x, n);
                for (int i = 0; i < n; i++) assertArrayEquals(inProcess[i], reloaded[i], 1e-6f);
                GradCamMaps cam = saved.gradCam(x, n, new int[]{0, 1, 2, 3, 0, 1, 2, 3});
                assertEquals(n, cam.count());
                assertEquals(2, cam.width(), "Grad-CAM on the 1/32-scale feature tap of a 64x64 input");
            }
        }
    }
}
