package org.ichnet.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Keras topology (a TF.js Layers {@code model.json}) into TensorFlow ops, layer by layer,
 * up to a given layer: the one builder behind every {@link BackboneSpec}. Every weight becomes a
 * variable named {@code <scope>/<layer>/<weight>}; {@link #loadPretrained} assigns the released
 * values. Batch normalisation always uses the released moving statistics (frozen statistics: the
 * small batches of CPU fine-tuning would estimate them badly); its scale and offset train with
 * their layer. Layers before {@code trainFrom} are frozen: their variables are left out of
 * {@link #trainable()}, so no gradient is computed for them.
 */
final class BackboneGraph {
    private final Ops tf;
    private final String scope;
    /** One name scope per layer, made once: TF Java makes a sub-scope name unique each time it is asked for. */
    private final Ops scoped;
    private final Map<String, Ops> layerScopes = new HashMap<>();
    private final Map<String, TfjsModel.Weight> released;
    private final Map<String, Operand<TFloat32>> outputs = new HashMap<>();
    private final List<Variable<TFloat32>> trainable = new ArrayList<>();
    private final List<Placeholder<TFloat32>> feeds = new ArrayList<>();
    private final List<float[]> values = new ArrayList<>();
    private final List<long[]> shapes = new ArrayList<>();
    private final List<Op> assigns = new ArrayList<>();
    private boolean layerTrains;
    private final boolean loadable;

    private BackboneGraph(Ops tf, String scope, TfjsModel model, boolean loadable) {
        this.loadable = loadable;
        this.tf = tf;
        this.scope = scope;
        Ops s = tf;
        for (String part : scope.split("/")) s = s.withSubScope(part);
        this.scoped = s;
        this.released = model.weights();
    }

    /**
     * Builds the layers of {@code model} from its input layer (fed {@code input}) up to and including
     * {@code lastLayer}. {@code trainFrom} null or empty trains every layer. Only a {@code loadable} graph gets
     * the ops of {@link #loadPretrained}: serving graphs restore their weights from a checkpoint instead.
     */
    static BackboneGraph build(Ops tf, String scope, Operand<TFloat32> input, TfjsModel model, String lastLayer,
                               String trainFrom, boolean loadable) {
        BackboneGraph g = new BackboneGraph(tf, scope, model, loadable);
        g.layerTrains = trainFrom == null || trainFrom.isEmpty();
        boolean reached = false;
        for (JsonNode layer : model.kerasModel().path("config").path("layers")) {
            String name = layer.path("config").path("name").asText();
            if (name.equals(trainFrom)) g.layerTrains = true;
            g.outputs.put(name, g.layer(layer, name, input));
            if (name.equals(lastLayer)) {
                reached = true;
                break;
            }
        }
        if (!reached) throw new IllegalArgumentException(scope + ": the topology has no layer '" + lastLayer + "'");
        if (trainFrom != null && !trainFrom.isEmpty() && !trainFrom.equals(FineTuning.NOTHING) && !g.outputs.containsKey(trainFrom)) {
            throw new IllegalArgumentException(scope + ": cannot train from '" + trainFrom + "': no such layer before " + lastLayer);
        }
        return g;
    }

    Operand<TFloat32> output(String layer) {
        Operand<TFloat32> out = outputs.get(layer);
        if (out == null) throw new IllegalArgumentException(scope + ": no layer '" + layer + "' was built");
        return out;
    }

    List<Variable<TFloat32>> trainable() {
        return trainable;
    }

    /** Assigns the released weights to every variable (after the session's initialisation). */
    void loadPretrained(Session session) {
        if (!loadable) throw new IllegalStateException(scope + ": built without the ops that load released weights");
        Session.Runner runner = session.runner();
        List<Tensor> tensors = new ArrayList<>();
        try {
            for (int i = 0; i < feeds.size(); i++) {
                TFloat32 t = TFloat32.tensorOf(Shape.of(shapes.get(i)), DataBuffers.of(values.get(i), true, false));
                tensors.add(t);
                runner.feed(feeds.get(i), t);
            }
            assigns.forEach(runner::addTarget);
            runner.run();
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    private Operand<TFloat32> layer(JsonNode layer, String name, Operand<TFloat32> input) {
        JsonNode c = layer.path("config");
        String kind = layer.path("class_name").asText();
        if (kind.equals("InputLayer")) return input;
        List<Operand<TFloat32>> in = inbound(layer, name);
        Operand<TFloat32> x = in.get(0);
        return switch (kind) {
            case "Conv2D" -> activation(c, name, bias(c, name, tf.nn.conv2d(x, weight(name, "kernel"),
                    strides(c), padding(c))));
            case "DepthwiseConv2D" -> activation(c, name, bias(c, name, tf.nn.depthwiseConv2dNative(x,
                    weight(name, "depthwise_kernel"), strides(c), padding(c))));
            case "BatchNormalization" -> batchNorm(c, name, x);
            case "Activation" -> activation(c, name, x);
            case "ReLU" -> relu(c, name, x);
            case "ZeroPadding2D" -> {
                JsonNode p = c.path("padding");
                int[][] pads = {{0, 0}, {p.get(0).get(0).asInt(), p.get(0).get(1).asInt()},
                        {p.get(1).get(0).asInt(), p.get(1).get(1).asInt()}, {0, 0}};
                yield tf.pad(x, tf.constant(pads), tf.constant(0f));
            }
            case "Add" -> {
                Operand<TFloat32> sum = x;
                for (int i = 1; i < in.size(); i++) sum = tf.math.add(sum, in.get(i));
                yield sum;
            }
            case "Concatenate" -> tf.concat(in, tf.constant(3));
            case "MaxPooling2D" -> tf.nn.maxPool(x, tf.constant(window(c, "pool_size")), tf.constant(window(c, "strides")), padding(c));
            case "AveragePooling2D" -> tf.nn.avgPool(x, longs(window(c, "pool_size")), longs(window(c, "strides")), padding(c));
            default -> throw new IllegalArgumentException(scope + ": layer " + name + " is a " + kind
                    + ", which the backbone builder does not know");
        };
    }

    private List<Operand<TFloat32>> inbound(JsonNode layer, String name) {
        List<Operand<TFloat32>> in = new ArrayList<>();
        for (JsonNode edge : layer.path("inbound_nodes").path(0)) {
            Operand<TFloat32> x = outputs.get(edge.get(0).asText());
            if (x == null) throw new IllegalArgumentException(scope + ": layer " + name + " reads "
                    + edge.get(0).asText() + ", which comes later in the topology");
            in.add(x);
        }
        if (in.isEmpty()) throw new IllegalArgumentException(scope + ": layer " + name + " has no input");
        return in;
    }

    private Operand<TFloat32> bias(JsonNode c, String name, Operand<TFloat32> x) {
        return c.path("use_bias").asBoolean(true) ? tf.nn.biasAdd(x, weight(name, "bias")) : x;
    }

    /** Inference-form batch normalisation from the released moving statistics, as plain ops (their gradients always exist). */
    private Operand<TFloat32> batchNorm(JsonNode c, String name, Operand<TFloat32> x) {
        float epsilon = (float) c.path("epsilon").asDouble(1e-3);
        Operand<TFloat32> scale = tf.math.rsqrt(tf.math.add(statistic(name, "moving_variance"), tf.constant(epsilon)));
        if (c.path("scale").asBoolean(true)) scale = tf.math.mul(scale, weight(name, "gamma"));
        Operand<TFloat32> shift = tf.math.neg(tf.math.mul(statistic(name, "moving_mean"), scale));
        if (c.path("center").asBoolean(true)) shift = tf.math.add(shift, weight(name, "beta"));
        return tf.math.add(tf.math.mul(x, scale), shift);
    }

    private Operand<TFloat32> activation(JsonNode c, String name, Operand<TFloat32> x) {
        String f = c.path("activation").asText("linear");
        return switch (f) {
            case "linear" -> x;
            case "relu" -> tf.nn.relu(x);
            case "relu6" -> tf.nn.relu6(x);
            default -> throw new IllegalArgumentException(scope + ": layer " + name + " uses activation " + f
                    + ", which the backbone builder does not know");
        };
    }

    private Operand<TFloat32> relu(JsonNode c, String name, Operand<TFloat32> x) {
        if (c.path("negative_slope").asDouble(0) != 0 || c.path("threshold").asDouble(0) != 0) {
            throw new IllegalArgumentException(scope + ": layer " + name + " is a leaky or thresholded ReLU");
        }
        JsonNode max = c.path("max_value");
        if (max.isNull() || max.isMissingNode()) return tf.nn.relu(x);
        return max.asDouble() == 6 ? tf.nn.relu6(x) : tf.math.minimum(tf.nn.relu(x), tf.constant((float) max.asDouble()));
    }

    /** A trainable (when its layer trains) variable holding a released weight. */
    private Variable<TFloat32> weight(String layer, String weight) {
        Variable<TFloat32> v = variable(layer, weight);
        if (layerTrains) trainable.add(v);
        return v;
    }

    /** Batch-norm moving statistics: never trained. */
    private Variable<TFloat32> statistic(String layer, String weight) {
        return variable(layer, weight);
    }

    private Variable<TFloat32> variable(String layer, String weight) {
        TfjsModel.Weight w = released.get(layer + "/" + weight);
        if (w == null) throw new IllegalArgumentException(scope + ": the released weights have no " + layer + "/" + weight);
        Shape shape = Shape.of(w.shape());
        Ops named = layerScopes.computeIfAbsent(layer, scoped::withSubScope).withName(weight);
        Variable<TFloat32> v = named.variable(tf.zeros(tf.constant(w.shape()), TFloat32.class));
        if (loadable) {
            Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
            feeds.add(feed);
            values.add(w.values());
            shapes.add(w.shape());
            assigns.add(tf.assign(v, feed));
        }
        return v;
    }

    private static List<Long> strides(JsonNode c) {
        return List.of(1L, c.path("strides").get(0).asLong(), c.path("strides").get(1).asLong(), 1L);
    }

    private String padding(JsonNode c) {
        String p = c.path("padding").asText("valid");
        if (!p.equals("same") && !p.equals("valid")) throw new IllegalArgumentException(scope + ": padding " + p);
        JsonNode dilation = c.path("dilation_rate");
        if (dilation.isArray() && (dilation.get(0).asInt() != 1 || dilation.get(1).asInt() != 1)) {
            throw new IllegalArgumentException(scope + ": dilated convolutions are not supported");
        }
        return p.toUpperCase(java.util.Locale.ROOT);
    }

    private static int[] window(JsonNode c, String key) {
        JsonNode w = c.path(key);
        if (w.isNull() || w.isMissingNode()) w = c.path("pool_size");
        return new int[]{1, w.get(0).asInt(), w.get(1).asInt(), 1};
    }

    private static List<Long> longs(int[] v) {
        List<Long> out = new ArrayList<>();
        for (int x : v) out.add((long) x);
        return out;
    }
}
