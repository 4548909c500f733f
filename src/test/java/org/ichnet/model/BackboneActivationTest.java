package org.ichnet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TF Java rebuild of each vendored backbone reproduces the activations that TensorFlow.js
 * computes from the same files (tools/pretrained/reference-activations.js), at an early layer, in
 * the middle and at the feature tap, to 1e-4.
 */
class BackboneActivationTest {
    private static final float TOLERANCE = 1e-4f;

    static Stream<BackboneSpec> backbones() {
        return Backbones.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("backbones")
    void rebuildMatchesTensorFlowJs(BackboneSpec backbone) throws IOException {
        JsonNode reference = reference(backbone.name());
        JsonNode layers = reference.path("layers");
        List<String> names = new ArrayList<>();
        layers.fieldNames().forEachRemaining(names::add);
        assertTrue(names.contains(backbone.earlyLayer()) && names.contains(backbone.featureTap()),
                "the reference covers the spec's early layer and feature tap");

        TfjsModel model = VendoredWeights.load(backbone.weights());
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 224, 224, 3)));
            BackboneGraph net = BackboneGraph.build(tf, "bb", input, model, backbone.featureTap(), null, true);
            s.initialize();
            net.loadPretrained(s);
            Session.Runner runner = s.runner();
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(1, 224, 224, 3), DataBuffers.of(tfjsLinspace(-1, 1, 224 * 224 * 3), true, false))) {
                runner.feed(input, x);
                List<Operand<TFloat32>> fetched = new ArrayList<>();
                for (String layer : names) {
                    fetched.add(net.output(layer));
                    runner.fetch(net.output(layer));
                }
                try (Result r = runner.run()) {
                    for (int i = 0; i < names.size(); i++) {
                        compare(backbone.name() + " " + names.get(i), layers.path(names.get(i)), (TFloat32) r.get(i));
                    }
                }
            }
        }
    }

    private static void compare(String what, JsonNode expected, TFloat32 actual) {
        long[] shape = new long[expected.path("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = expected.path("shape").get(i).asLong();
        assertArrayEquals(shape, actual.shape().asArray(), what + ": shape");
        float[] values = new float[(int) actual.size()];
        actual.copyTo(DataBuffers.of(values, false, false));
        int stride = expected.path("stride").asInt();
        float worst = 0;
        for (int k = 0; k < expected.path("values").size(); k++) {
            worst = Math.max(worst, Math.abs(values[k * stride] - (float) expected.path("values").get(k).asDouble()));
        }
        double mean = 0;
        for (float v : values) mean += v;
        mean /= values.length;
        assertTrue(worst <= TOLERANCE, what + ": largest difference " + worst + " over " + expected.path("values").size() + " sampled values");
        assertEquals(expected.path("mean").asDouble(), mean, TOLERANCE, what + ": mean");
    }

    /** TF.js's linspace, bit for bit: a float32 running sum of a double step. */
    static float[] tfjsLinspace(double start, double stop, int n) {
        double step = (stop - start) / (n - 1);
        float[] v = new float[n];
        v[0] = (float) start;
        for (int i = 1; i < n; i++) v[i] = (float) (v[i - 1] + step);
        return v;
    }

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = BackboneActivationTest.class.getResourceAsStream("/backbones/" + name + "-reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
