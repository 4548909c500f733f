package org.ichnet.model;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Builds the inference graph, restores trained weights into it and writes a SavedModel with two signatures. */
final class ServingExport {
    static final String GRADCAM_SIGNATURE = "gradcam";
    static final String CLASS_INDEX = "class_index";
    static final String CAM = "cam";

    private ServingExport() {
    }

    static void export(ModelSpec spec, InputShape input, Path checkpointPrefix, Path dir, RuntimeOptions runtime)
            throws IOException {
        try (Graph graph = new Graph()) {
            CnnGraph net = new CnnGraph(graph, spec, input, 0, false);
            Operand<TFloat32> probabilities = net.probabilities;
            GradCamOps cam = GradCamOps.build(net);
            try (Session session = new Session(graph, runtime.toConfigProto())) {
                session.restore(checkpointPrefix.toString());
                Signature serving = Signature.builder().key(Signature.DEFAULT_KEY)
                        .input(CnnGraph.IMAGE, net.image).output(CnnGraph.PROBABILITIES, probabilities).build();
                Signature gradcam = Signature.builder().key(GRADCAM_SIGNATURE)
                        .input(CnnGraph.IMAGE, net.image).input(CLASS_INDEX, cam.classIndex)
                        .output(CAM, cam.cam).output(CnnGraph.PROBABILITIES, probabilities).build();
                SavedModelBundle.exporter(dir.toString()).withSession(session)
                        .withSignatures(serving, gradcam).export();
            }
        }
    }

    /** Grad-CAM (Selvaraju et al. 2017) on the last convolution: ReLU(Σ_k mean(∂logit_c/∂A_k)·A_k). */
    record GradCamOps(Placeholder<TInt32> classIndex, Operand<TFloat32> cam) {
        static GradCamOps build(CnnGraph net) {
            Ops tf = net.tf.withSubScope("gradcam");
            Placeholder<TInt32> classIndex = tf.withName(CLASS_INDEX).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
            Operand<TFloat32> oneHot = tf.oneHot(classIndex, tf.constant(4), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> score = tf.reduceSum(tf.math.mul(net.logits, oneHot), tf.constant(new int[]{0, 1}));
            Gradients grads = tf.gradients(score, List.of(net.lastConvActivation));
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = grads.<TFloat32>dy(0);
            Operand<TFloat32> alpha = tf.math.mean(g, tf.constant(new int[]{1, 2}), org.tensorflow.op.math.Mean.keepDims(true));
            Operand<TFloat32> weighted = tf.reduceSum(tf.math.mul(net.lastConvActivation, alpha), tf.constant(3));
            return new GradCamOps(classIndex, tf.withName(CAM).nn.relu(weighted));
        }
    }
}
