package org.ichnet.model;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.nio.file.Files;
import java.nio.file.Path;

/** A CNN loaded from a SavedModel written by {@link TrainableCnn#exportSavedModel}: predictions and Grad-CAM maps. */
public final class SavedCnn implements ProbabilityModel, AutoCloseable {
    private final SavedModelBundle bundle;
    private final InputShape input;
    private final String imageFeed;
    private final String probabilitiesFetch;
    private final String classIndexFeed;
    private final String camFetch;

    private SavedCnn(SavedModelBundle bundle, InputShape input) {
        this.bundle = bundle;
        this.input = input;
        var serving = bundle.metaGraphDef().getSignatureDefOrThrow("serving_default");
        imageFeed = serving.getInputsOrThrow(CnnGraph.IMAGE).getName();
        probabilitiesFetch = serving.getOutputsOrThrow(CnnGraph.PROBABILITIES).getName();
        var gradcam = bundle.metaGraphDef().getSignatureDefOrThrow(ServingExport.GRADCAM_SIGNATURE);
        classIndexFeed = gradcam.getInputsOrThrow(ServingExport.CLASS_INDEX).getName();
        camFetch = gradcam.getOutputsOrThrow(ServingExport.CAM).getName();
    }

    public static SavedCnn load(Path dir, RuntimeOptions runtime) {
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException(dir + ": not a SavedModel (no saved_model.pb)");
        }
        SavedModelBundle bundle = SavedModelBundle.loader(dir.toString()).withTags("serve")
                .withConfigProto(runtime.toConfigProto()).load();
        var shape = bundle.metaGraphDef().getSignatureDefOrThrow("serving_default")
                .getInputsOrThrow(CnnGraph.IMAGE).getTensorShape();
        InputShape input = new InputShape((int) shape.getDim(1).getSize(), (int) shape.getDim(3).getSize());
        return new SavedCnn(bundle, input);
    }

    public InputShape input() {
        return input;
    }

    public float[][] predict(float[] images, int count) {
        try (TFloat32 x = Tensors.images(images, count, input);
             Result r = session().runner().feed(imageFeed, x).fetch(probabilitiesFetch).run()) {
            return Tensors.rows(r.get(0), count);
        }
    }

    /** Grad-CAM maps at the last convolution's resolution, one per image, for the given class each. */
    public GradCamMaps gradCam(float[] images, int count, int[] classIndex) {
        try (TFloat32 x = Tensors.images(images, count, input);
             TInt32 c = Tensors.ints(classIndex, count);
             Result r = session().runner().feed(imageFeed, x).feed(classIndexFeed, c).fetch(camFetch).run()) {
            Tensor cam = r.get(0);
            int h = (int) cam.shape().size(1), w = (int) cam.shape().size(2);
            float[] flat = new float[count * h * w];
            ((TFloat32) cam).copyTo(DataBuffers.of(flat, false, false));
            return new GradCamMaps(count, w, h, flat);
        }
    }

    private Session session() {
        return bundle.session();
    }

    @Override
    public void close() {
        bundle.close();
    }
}
