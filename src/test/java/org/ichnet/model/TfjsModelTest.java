package org.ichnet.model;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class TfjsModelTest {
    private static final Path WHERE = Path.of("models/toy");

    private static byte[] json(String manifest) {
        return ("{\"modelTopology\": {\"model_config\": {\"class_name\": \"Model\", \"config\": {\"layers\": []}}},"
                + " \"weightsManifest\": " + manifest + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static final String MANIFEST = "[{\"paths\": [\"g1-shard1of2\", \"g1-shard2of2\"], \"weights\": ["
            + "{\"name\": \"a/kernel\", \"shape\": [2, 2], \"dtype\": \"float32\"},"
            + "{\"name\": \"a/bias\", \"shape\": [2], \"dtype\": \"float32\"}]},"
            + "{\"paths\": [\"g2\"], \"weights\": ["
            + "{\"name\": \"b/kernel\", \"shape\": [3], \"dtype\": \"float32\","
            + " \"quantization\": {\"min\": -1.0, \"scale\": 0.5, \"dtype\": \"uint8\"}},"
            + "{\"name\": \"b/gamma\", \"shape\": [2], \"dtype\": \"float16\"}]}]";

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    /** float32 split over two shards; uint8 dequantized as min + scale*q; float16 (1.0 = 0x3C00, -2.5 = 0xC100). */
    private static Map<String, byte[]> shards() {
        byte[] all = floats(1, 2, 3, 4, 5, 6);
        byte[] first = java.util.Arrays.copyOfRange(all, 0, 10), second = java.util.Arrays.copyOfRange(all, 10, 24);
        return Map.of("g1-shard1of2", first, "g1-shard2of2", second,
                "g2", new byte[]{0, 2, (byte) 255, 0x00, 0x3C, 0x00, (byte) 0xC1});
    }

    private static TfjsModel read(String manifest, Map<String, byte[]> shards) {
        return TfjsModel.read(WHERE, json(manifest), p -> {
            byte[] b = shards.get(p);
            if (b == null) throw new NoSuchFileException(p);
            return b;
        });
    }

    @Test
    void readsFloat32AcrossShardsAndDequantizesUint8AndFloat16() {
        Map<String, TfjsModel.Weight> w = read(MANIFEST, shards()).weights();
        assertArrayEquals(new float[]{1, 2, 3, 4}, w.get("a/kernel").values());
        assertArrayEquals(new long[]{2, 2}, w.get("a/kernel").shape());
        assertArrayEquals(new float[]{5, 6}, w.get("a/bias").values());
        assertArrayEquals(new float[]{-1f, 0f, 126.5f}, w.get("b/kernel").values());
        assertArrayEquals(new float[]{1f, -2.5f}, w.get("b/gamma").values());
    }

    @Test
    void aShardOfTheWrongSizeIsOneLineNamingIt() {
        Map<String, byte[]> bad = new java.util.HashMap<>(shards());
        bad.put("g2", new byte[]{1, 2, 3});
        DataException e = assertThrows(DataException.class, () -> read(MANIFEST, bad));
        assertEquals(Path.of("models/toy/g2"), e.file());
        assertTrue(e.getMessage().contains("holds 3 bytes") && e.getMessage().contains("need 7"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aMissingShardOrAnUnknownDtypeIsOneLine() {
        Map<String, byte[]> missing = new java.util.HashMap<>(shards());
        missing.remove("g1-shard2of2");
        DataException e = assertThrows(DataException.class, () -> read(MANIFEST, missing));
        assertEquals(Path.of("models/toy/g1-shard2of2"), e.file());
        DataException dtype = assertThrows(DataException.class, () -> read(
                "[{\"paths\": [\"g2\"], \"weights\": [{\"name\": \"c\", \"shape\": [1], \"dtype\": \"complex64\"}]}]", shards()));
        assertTrue(dtype.getMessage().contains("complex64"), dtype.getMessage());
        assertThrows(DataException.class, () -> TfjsModel.read(WHERE, "{not json".getBytes(StandardCharsets.UTF_8), p -> new byte[0]));
    }

    @Test
    void aVendoredFileWhoseSha256DiffersIsRefusedInOneLine() {
        BackboneSpec.WeightSource real = Backbones.MOBILENET_V2.weights();
        BackboneSpec.WeightSource tampered = new BackboneSpec.WeightSource(real.folder(), real.format(),
                real.modelJsonSha256(), "0".repeat(64), real.license(), real.origin());
        DataException e = assertThrows(DataException.class, () -> VendoredWeights.load(tampered));
        assertTrue(e.getMessage().startsWith(Path.of(real.folder(), "weights.bin") + ": sha256 " + real.weightsSha256()),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void everyVendoredBackboneHasItsLicenseAndNotice() {
        for (BackboneSpec b : Backbones.ALL) {
            for (String f : new String[]{"LICENSE", "NOTICE"}) {
                assertNotNull(getClass().getClassLoader().getResource(b.weights().folder() + "/" + f), b.name() + " " + f);
            }
        }
    }
}
