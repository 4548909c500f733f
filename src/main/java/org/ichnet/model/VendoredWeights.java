package org.ichnet.model;

import org.ichnet.data.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a backbone's vendored weights from the classpath, once per JVM, after checking each file's
 * sha256 against its spec: a corrupted or replaced file stops with one line, never trains.
 */
public final class VendoredWeights {
    private static final Map<BackboneSpec.WeightSource, TfjsModel> LOADED = new ConcurrentHashMap<>();

    private VendoredWeights() {
    }

    public static TfjsModel load(BackboneSpec.WeightSource source) {
        return LOADED.computeIfAbsent(source, VendoredWeights::read);
    }

    private static TfjsModel read(BackboneSpec.WeightSource source) {
        Path where = Path.of(source.folder());
        byte[] json = verified(source, "model.json", source.modelJsonSha256());
        return TfjsModel.read(where, json, path -> {
            if (!path.equals("weights.bin")) throw new IOException("the vendored manifest may only name weights.bin");
            return verified(source, path, source.weightsSha256());
        });
    }

    static byte[] verified(BackboneSpec.WeightSource source, String file, String expectedSha256) {
        Path where = Path.of(source.folder(), file);
        byte[] bytes;
        try (InputStream in = VendoredWeights.class.getClassLoader().getResourceAsStream(source.folder() + "/" + file)) {
            if (in == null) throw new DataException(where, "missing from the jar (vendored weights; rebuild ichnet)");
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DataException(where, "cannot read vendored weights (" + e.getMessage() + ")");
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new DataException(where, "sha256 " + actual + " does not match the backbone spec's "
                    + expectedSha256 + " (corrupted or replaced weights)");
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
