package org.ichnet.spark;

import org.ichnet.api.ModelInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model's version in the output: {@code <folder name>@<first 12 hex digits of the SHA-256 of ensemble.json>}.
 * The manifest names the members, their weights and the training run (date, data, epochs), so a retrained or
 * re-weighted model gets another version while the same folder copied elsewhere keeps it.
 */
final class ModelVersion {
    private static final Map<Path, String> VERSIONS = new ConcurrentHashMap<>();

    private ModelVersion() {
    }

    static String of(ModelInfo model) {
        return VERSIONS.computeIfAbsent(model.folder(), ModelVersion::read);
    }

    private static String read(Path folder) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve("ensemble.json")));
            return folder.getFileName() + "@" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
