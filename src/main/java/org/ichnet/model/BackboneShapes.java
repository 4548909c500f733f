package org.ichnet.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/** Walks a Keras topology with shapes only: parameters, multiply-accumulates and output channels up to a layer. */
final class BackboneShapes {
    private BackboneShapes() {
    }

    /**
     * {parameters (without batch-norm statistics), multiply-accumulates, channels of lastLayer,
     * multiply-accumulates before {@code trainFrom} (the frozen part)} for a size x size input.
     */
    static long[] walk(TfjsModel model, String lastLayer, String trainFrom, int size) {
        Map<String, int[]> hwc = new HashMap<>();
        long params = 0, macs = 0, frozenMacs = 0;
        boolean frozen = trainFrom != null && !trainFrom.isEmpty();
        for (JsonNode layer : model.kerasModel().path("config").path("layers")) {
            JsonNode c = layer.path("config");
            String name = c.path("name").asText();
            if (name.equals(trainFrom)) {
                frozen = false;
                frozenMacs = macs;
            }
            JsonNode edges = layer.path("inbound_nodes").path(0);
            int[] in = edges.size() > 0 ? hwc.get(edges.get(0).get(0).asText()) : new int[]{size, size, 3};
            int[] out = in;
            switch (layer.path("class_name").asText()) {
                case "Conv2D", "DepthwiseConv2D" -> {
                    boolean depthwise = layer.path("class_name").asText().equals("DepthwiseConv2D");
                    long[] k = model.weights().get(name + (depthwise ? "/depthwise_kernel" : "/kernel")).shape();
                    int filters = depthwise ? in[2] : (int) k[3];
                    out = new int[]{side(in[0], k[0], c), side(in[1], k[1], c), filters};
                    macs += (long) out[0] * out[1] * k[0] * k[1] * (depthwise ? in[2] : (long) in[2] * filters);
                    params += k[0] * k[1] * k[2] * k[3] + (c.path("use_bias").asBoolean(true) ? filters : 0);
                }
                case "BatchNormalization" -> params += 2L * in[2];
                case "ZeroPadding2D" -> {
                    JsonNode p = c.path("padding");
                    out = new int[]{in[0] + p.get(0).get(0).asInt() + p.get(0).get(1).asInt(),
                            in[1] + p.get(1).get(0).asInt() + p.get(1).get(1).asInt(), in[2]};
                }
                case "MaxPooling2D", "AveragePooling2D" -> {
                    int k = c.path("pool_size").get(0).asInt();
                    out = new int[]{side(in[0], k, c), side(in[1], k, c), in[2]};
                }
                case "Concatenate" -> {
                    int channels = 0;
                    for (JsonNode e : edges) channels += hwc.get(e.get(0).asText())[2];
                    out = new int[]{in[0], in[1], channels};
                }
                default -> { }
            }
            hwc.put(name, out);
            if (name.equals(lastLayer)) return new long[]{params, macs, out[2], frozen ? macs : frozenMacs};
        }
        throw new IllegalArgumentException("the topology has no layer '" + lastLayer + "'");
    }

    private static int side(int in, long kernel, JsonNode c) {
        int stride = c.path("strides").isArray() ? c.path("strides").get(0).asInt() : (int) kernel;
        return c.path("padding").asText("valid").equals("same")
                ? (in + stride - 1) / stride
                : (int) ((in - kernel) / stride + 1);
    }
}
