package org.ichnet.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A scan made readable for the API, which takes local paths: a local file or folder as it is; a remote one copied
 * to a temporary folder of the executor; a DICOM series (local files linked, remote ones copied) gathered into
 * one temporary folder, so the API reads it as {@code predict} reads a series folder. {@link #original} turns a
 * slice label (a local path) back into the input's path. {@link #close} deletes what was copied.
 */
final class Staged implements Closeable {
    private final List<java.nio.file.Path> paths;
    private final java.nio.file.Path temp;
    private final Map<String, String> originals;

    private Staged(List<java.nio.file.Path> paths, java.nio.file.Path temp, Map<String, String> originals) {
        this.paths = paths;
        this.temp = temp;
        this.originals = originals;
    }

    /** @throws IOException when a remote file cannot be copied; what was copied until then is deleted */
    static Staged of(ScanUnit unit, HadoopConf conf) throws IOException {
        if (unit.kind() == ScanUnit.Kind.PATH) {
            String input = unit.files().get(0);
            var local = Paths.local(input);
            if (local.isPresent()) return new Staged(List.of(local.get()), null, Map.of());
            java.nio.file.Path temp = Files.createTempDirectory("ichnet-scan-");
            try {
                java.nio.file.Path copy = temp.resolve(new Path(input).getName());
                copyToLocal(input, copy, conf);
                return new Staged(List.of(copy), temp, Map.of(copy.toString(), input));
            } catch (Throwable e) {
                deleteOnFailure(temp, e);
                throw e;
            }
        }
        java.nio.file.Path temp = Files.createTempDirectory("ichnet-series-");
        try {
            java.nio.file.Path folder = Files.createDirectory(temp.resolve(unit.id().replaceAll("[^0-9A-Za-z.-]", "_")));
            Map<String, String> originals = new HashMap<>();
            Set<String> names = new HashSet<>();
            for (String file : unit.files()) {
                String name = new Path(file).getName();
                for (int n = 2; !names.add(name); n++) name = n + "_" + new Path(file).getName();
                java.nio.file.Path staged = folder.resolve(name);
                var local = Paths.local(file);
                if (local.isPresent()) Files.createSymbolicLink(staged, local.get().toAbsolutePath());
                else copyToLocal(file, staged, conf);
                originals.put(staged.toString(), file);
            }
            return new Staged(List.of(folder), temp, originals);
        } catch (Throwable e) {
            deleteOnFailure(temp, e);
            throw e;
        }
    }

    private static void deleteOnFailure(java.nio.file.Path temp, Throwable failure) {
        try {
            delete(temp);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void copyToLocal(String remote, java.nio.file.Path local, HadoopConf conf) throws IOException {
        Path from = new Path(remote);
        FileSystem fs = from.getFileSystem(conf.get());
        fs.copyToLocalFile(false, from, new Path(local.toUri()), true);
    }

    /** The local paths to hand to the API. */
    List<java.nio.file.Path> paths() {
        return paths;
    }

    /** A label or file name the API gave ({@code path} or {@code path#k}), with the input's own path in place of a copy's. */
    String original(String label) {
        if (originals.isEmpty()) return label;
        String exact = originals.get(label);
        if (exact != null) return exact;
        for (Map.Entry<String, String> e : originals.entrySet()) {
            if (label.startsWith(e.getKey())) return e.getValue() + label.substring(e.getKey().length());
        }
        return label;
    }

    @Override
    public void close() throws IOException {
        if (temp != null) delete(temp);
    }

    /** Deletes a temporary folder and what is in it (links, not what they point to). */
    private static void delete(java.nio.file.Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        List<java.nio.file.Path> all = new ArrayList<>();
        try (Stream<java.nio.file.Path> walk = Files.walk(folder)) {
            walk.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (java.nio.file.Path p : all) Files.deleteIfExists(p);
    }
}
