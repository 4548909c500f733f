package org.ichnet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.data.DataException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js Layers model as released: {@code model.json} (the Keras topology and a weights
 * manifest) and its binary shards. Each manifest group is its shards concatenated; its weights
 * follow one another in manifest order. float32, float16 and int32 values are read as they are;
 * uint8 and uint16 affine-quantized ones are dequantized to {@code min + scale * q}, as TF.js does.
 */
public final class TfjsModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One weight, row-major in its Keras shape (HWIO for convolution kernels). */
    public record Weight(String name, long[] shape, float[] values) {
    }

    /** Where the shards are: a folder, the classpath, a test's map. */
    @FunctionalInterface
    public interface Shards {
        byte[] read(String path) throws IOException;
    }

    private final JsonNode topology;
    private final Map<String, Weight> weights;

    private TfjsModel(JsonNode topology, Map<String, Weight> weights) {
        this.topology = topology;
        this.weights = weights;
    }

    /**
     * Reads {@code model.json} and every shard its manifest names. {@code where} names the model in
     * errors (its folder); any problem is one {@link DataException} line naming the file.
     */
    public static TfjsModel read(Path where, byte[] modelJson, Shards shards) {
        Path jsonFile = where.resolve("model.json");
        JsonNode root;
        try {
            root = JSON.readTree(modelJson);
        } catch (IOException e) {
            throw new DataException(jsonFile, "not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode topology = root.path("modelTopology");
        JsonNode manifest = root.path("weightsManifest");
        if (!topology.isObject() || !manifest.isArray()) {
            throw new DataException(jsonFile, "not a TensorFlow.js Layers model (needs modelTopology and weightsManifest)");
        }
        Map<String, Weight> weights = new LinkedHashMap<>();
        for (JsonNode group : manifest) readGroup(where, jsonFile, group, shards, weights);
        return new TfjsModel(topology, weights);
    }

    private static void readGroup(Path where, Path jsonFile, JsonNode group, Shards shards, Map<String, Weight> out) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<String> paths = JSON.convertValue(group.path("paths"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        for (String p : paths) {
            try {
                joined.writeBytes(shards.read(p));
            } catch (IOException e) {
                throw new DataException(where.resolve(p), "cannot read weight shard (" + e.getMessage() + ")");
            }
        }
        ByteBuffer data = ByteBuffer.wrap(joined.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        Path shardName = where.resolve(paths.size() == 1 ? paths.get(0) : String.join("+", paths));
        long needed = 0;
        for (JsonNode spec : group.path("weights")) needed += byteSize(jsonFile, spec);
        if (needed != data.capacity()) {
            throw new DataException(shardName, "holds " + data.capacity() + " bytes, but the manifest's weights need "
                    + needed + " (truncated, or not this model's shard)");
        }
        for (JsonNode spec : group.path("weights")) {
            String name = spec.path("name").asText();
            long[] shape = shape(spec);
            float[] values = decode(data, spec, Math.toIntExact(count(shape)));
            out.put(name, new Weight(name, shape, values));
        }
    }

    private static long byteSize(Path jsonFile, JsonNode spec) {
        String dtype = storedType(spec);
        int bytes = switch (dtype) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8" -> 1;
            default -> throw new DataException(jsonFile, "weight " + spec.path("name").asText()
                    + " has dtype " + dtype + " (this reader knows float32, float16, int32, uint8, uint16)");
        };
        return count(shape(spec)) * bytes;
    }

    private static String storedType(JsonNode spec) {
        JsonNode q = spec.path("quantization");
        return q.isObject() ? q.path("dtype").asText() : spec.path("dtype").asText();
    }

    private static float[] decode(ByteBuffer data, JsonNode spec, int n) {
        float[] v = new float[n];
        JsonNode q = spec.path("quantization");
        double min = q.path("min").asDouble(), scale = q.path("scale").asDouble();
        switch (storedType(spec)) {
            case "float32" -> { for (int i = 0; i < n; i++) v[i] = data.getFloat(); }
            case "int32" -> { for (int i = 0; i < n; i++) v[i] = data.getInt(); }
            case "float16" -> { for (int i = 0; i < n; i++) v[i] = Half.toFloat(data.getShort()); }
            case "uint8" -> { for (int i = 0; i < n; i++) v[i] = (float) (min + scale * (data.get() & 0xFF)); }
            case "uint16" -> { for (int i = 0; i < n; i++) v[i] = (float) (min + scale * (data.getShort() & 0xFFFF)); }
            default -> throw new IllegalStateException("checked in byteSize");
        }
        return v;
    }

    private static long[] shape(JsonNode spec) {
        long[] s = new long[spec.path("shape").size()];
        for (int i = 0; i < s.length; i++) s[i] = spec.path("shape").get(i).asLong();
        return s;
    }

    private static long count(long[] shape) {
        long c = 1;
        for (long d : shape) c *= d;
        return c;
    }

    /** The Keras model config: {@code modelTopology.model_config}. */
    public JsonNode kerasModel() {
        JsonNode config = topology.path("model_config");
        return config.isMissingNode() ? topology : config;
    }

    public Map<String, Weight> weights() {
        return weights;
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static final class Half {
        private Half() {
        }

        static float toFloat(short h) {
            int bits = h & 0xFFFF, sign = (bits & 0x8000) << 16, exp = (bits >>> 10) & 0x1F, mant = bits & 0x3FF;
            if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
            if (exp != 0) return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
            float sub = mant * 0x1p-24f;
            return sign != 0 ? -sub : sub;
        }
    }
}
