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
    /** The trainable variables of a pretrained backbone (a subset of {@link #trainable}); empty without one. */
    final List<Variable<TFloat32>> backboneTrainable;
    final List<Operand<?>> statisticUpdates;
    /** Assigns the released weights to a backbone after initialisation; null without one. */
    private final BackboneGraph backbone;

    CnnGraph(Graph graph, ModelSpec spec, InputShape input, long seed, boolean training) {
        tf = Ops.create(graph);
        image = tf.withName(IMAGE).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, input.size(), input.size(), input.channels())));
        dropoutOn = tf.withName("dropout_on").placeholderWithDefault(tf.constant(0f), Shape.scalar());
        stepSeed = tf.withName("step_seed").placeholderWithDefault(tf.constant(new long[]{0, 0}), Shape.of(2));
        LayerKit kit = new LayerKit(tf, training, seed, dropoutOn, stepSeed);

        Operand<TFloat32> x;
        int in;
        Operand<TFloat32> lastConv;
        if (spec.pretrained()) {
            BackboneSpec b = spec.backbone();
            backbone = BackboneGraph.build(tf, spec.name() + "/backbone", backboneInput(tf, image, input.channels(), b),
                    VendoredWeights.load(b.weights()), b.featureTap(), spec.fineTuning().trainFrom(), training);
            // a named node on the forward path: Grad-CAM differentiates with respect to it
            x = tf.withName("last_conv").identity(backbone.output(b.featureTap()));
            lastConv = x;
            in = (int) x.shape().size(3);
        } else {
            backbone = null;
            x = image;
            in = input.channels();
            lastConv = null;
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
                    x = tf.withName("last_conv").identity(x);
                    lastConv = x;
                }
                x = kit.maxPool2x2(x);
                x = kit.dropout(x, block.dropout(), spec.spatialDropout());
            }
        }
        lastConvActivation = lastConv;

        Head head = spec.head();
        Operand<TFloat32> features = kit.globalAveragePool(x);
        int featureCount = in;
        if (head.concatMaxPool()) {
            features = tf.concat(List.of(features, kit.globalMaxPool(x)), tf.constant(1));
            featureCount = 2 * in;
        }
        if (head.linear()) {
            logits = tf.withName("logits").identity(kit.dense(features, featureCount, 4, spec.name() + "/dense2"));
        } else {
            Operand<TFloat32> hidden = kit.relu(kit.dense(features, featureCount, head.hiddenUnits(), spec.name() + "/dense1"));
            hidden = kit.dropout(hidden, head.dropout(), false);
            logits = tf.withName("logits").identity(kit.dense(hidden, head.hiddenUnits(), 4, spec.name() + "/dense2"));
        }
        probabilities = tf.withName(PROBABILITIES).nn.softmax(logits);
        List<Variable<TFloat32>> all = new ArrayList<>(kit.trainableVariables());
        backboneTrainable = backbone == null ? List.of() : List.copyOf(backbone.trainable());
        all.addAll(backboneTrainable);
        trainable = List.copyOf(all);
        statisticUpdates = new ArrayList<>(kit.statisticUpdates());
    }

    /** After {@code session.initialize()}: the backbone's released weights (nothing to do without one). */
    void loadPretrained(org.tensorflow.Session session) {
        if (backbone != null) backbone.loadPretrained(session);
    }

    /**
     * The backbone sees three channels scaled as it was trained: the brain window replicated; brain,
     * bone, brain; or the three neighbouring slices as they come.
     */
    private static Operand<TFloat32> backboneInput(Ops tf, Operand<TFloat32> image, int channels, BackboneSpec b) {
        Operand<TFloat32> rgb = switch (channels) {
            case 1 -> tf.concat(List.of(image, image, image), tf.constant(3));
            case 2 -> {
                List<org.tensorflow.Output<TFloat32>> brainBone = tf.split(tf.constant(3), image, 2L).output();
                yield tf.concat(List.of(brainBone.get(0), brainBone.get(1), brainBone.get(0)), tf.constant(3));
            }
            case 3 -> image;
            default -> throw new IllegalArgumentException("a pretrained backbone takes 1 to 3 channels, not " + channels);
        };
        return tf.math.add(tf.math.mul(rgb, tf.constant(b.scaleIn())), tf.constant(b.offsetIn()));
    }
}
