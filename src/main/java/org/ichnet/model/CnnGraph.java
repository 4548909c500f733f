package org.ichnet.model;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass of one spec in a TensorFlow graph: image (NHWC float) to logits and class
 * probabilities, plus the last convolution's activation for Grad-CAM. Training-only inputs
 * (dropout switch, batch-norm mode, random step) are placeholders with defaults, so the serving
 * signature stays image -> probabilities.
 */
final class CnnGraph {
    static final String IMAGE = "image";
    static final String PROBABILITIES = "probabilities";

    final Ops tf;
    final Placeholder<TFloat32> image;
    final Operand<TFloat32> dropoutOn;
    final Operand<TInt64> stepSeed;
    final Operand<TFloat32> logits;
    final Operand<TFloat32> probabilities;
    final Operand<TFloat32> lastConvActivation;
    final List<Variable<TFloat32>> trainable;
    final List<Operand<?>> statisticUpdates;

    CnnGraph(Graph graph, ModelSpec spec, InputShape input, long seed, boolean training) {
        tf = Ops.create(graph);
        image = tf.withName(IMAGE).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, input.size(), input.size(), input.channels())));
        dropoutOn = tf.withName("dropout_on").placeholderWithDefault(tf.constant(0f), Shape.scalar());
        stepSeed = tf.withName("step_seed").placeholderWithDefault(tf.constant(new long[]{0, 0}), Shape.of(2));
        LayerKit kit = new LayerKit(tf, training, seed, dropoutOn, stepSeed);

        Operand<TFloat32> x = image;
        int in = input.channels();
        Operand<TFloat32> lastConv = null;
        for (int b = 0; b < spec.blocks().size(); b++) {
            ConvBlock block = spec.blocks().get(b);
            for (int c = 0; c < block.convs(); c++) {
                String name = spec.name() + "/conv" + (b + 1) + "_" + (c + 1);
                x = kit.conv3x3(x, in, block.filters(), name, !spec.batchNorm());
                if (spec.batchNorm()) x = kit.batchNorm(x, block.filters(), name + "/bn");
                x = kit.relu(x);
                in = block.filters();
            }
            if (b == spec.blocks().size() - 1) {
                // a named node on the forward path: Grad-CAM differentiates with respect to it
                x = tf.withName("last_conv").identity(x);
                lastConv = x;
            }
            x = kit.maxPool2x2(x);
            x = kit.dropout(x, block.dropout(), spec.spatialDropout());
        }
        lastConvActivation = lastConv;

        Head head = spec.head();
        Operand<TFloat32> features = kit.globalAveragePool(x);
        int featureCount = in;
        if (head.concatMaxPool()) {
            features = tf.concat(List.of(features, kit.globalMaxPool(x)), tf.constant(1));
            featureCount = 2 * in;
        }
        Operand<TFloat32> hidden = kit.relu(kit.dense(features, featureCount, head.hiddenUnits(), spec.name() + "/dense1"));
        hidden = kit.dropout(hidden, head.dropout(), false);
        logits = tf.withName("logits").identity(kit.dense(hidden, head.hiddenUnits(), 4, spec.name() + "/dense2"));
        probabilities = tf.withName(PROBABILITIES).nn.softmax(logits);
        trainable = List.copyOf(kit.trainableVariables());
        statisticUpdates = new ArrayList<>(kit.statisticUpdates());
    }
}
