package org.ichnet.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One request's upload on disk, in a folder of its own under the server's private temp folder, for the
 * readers that take files. The body is written through {@link UploadLimit}, its kind sniffed
 * ({@link UploadKind}), and staged under a fixed name ({@code scan.dcm}, {@code scan.nii.gz}, or a folder
 * {@code series/} for a zip). The client's names are only shown: {@link #shown} puts them in place of the
 * staged paths in the results and messages. {@link #close} deletes the folder.
 */
final class StagedUpload implements AutoCloseable {

    private static final String STAGED_BASE = "scan", SERIES_FOLDER = "series";

    private final Path folder;
    private final Path input;
    private final String shownBase;
    /** Staged path → shown name, longest path first so a file is replaced before its folder. */
    private final Map<String, String> names;

    private StagedUpload(Path folder, Path input, String shownBase, Map<String, String> names) {
        this.folder = folder;
        this.input = input;
        this.shownBase = shownBase;
        this.names = names;
    }

    /**
     * @param maxBytes the upload limit; a zip may expand to four times as much
     */
    static StagedUpload of(InputStream body, String clientName, long maxBytes, Path root) {
        Path folder = createFolder(root);
        try {
            Path raw = folder.resolve("body");
            try (InputStream in = UploadLimit.body(body, maxBytes)) {
                Files.copy(in, raw);
            }
            UploadKind kind = UploadKind.sniff(head(raw), clientName);
            String shown = UploadName.fileName(clientName, "upload" + kind.extension);
            Map<String, String> names = new LinkedHashMap<>();
            Path input;
            if (kind == UploadKind.SERIES_ZIP) {
                input = folder.resolve(SERIES_FOLDER);
                names.putAll(SeriesZip.extract(raw, input, 4 * maxBytes));
                Files.delete(raw);
            } else {
                input = folder.resolve(STAGED_BASE + kind.extension);
                Files.move(raw, input);
            }
            names.put(input.toString(), shown);
            return new StagedUpload(folder, input, UploadName.base(shown), longestFirst(names));
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    /** The staged file, or folder for a zip, as {@code predict} would be given it. */
    Path input() {
        return input;
    }

    /** {@code text} with every staged path replaced by the client's name for it. */
    String shown(String text) {
        String out = text;
        for (Map.Entry<String, String> e : names.entrySet()) out = out.replace(e.getKey(), e.getValue());
        return out;
    }

    /** A scan's name as the client named the upload ({@code scan}, {@code series_series-UID} → its base name). */
    String shownScanName(String name) {
        String stagedBase = input.getFileName().toString().equals(SERIES_FOLDER) ? SERIES_FOLDER : STAGED_BASE;
        return name.startsWith(stagedBase) ? shownBase + name.substring(stagedBase.length()) : name;
    }

    /**
     * Whether the upload is in Hounsfield units (DICOM, NIfTI, a zip of DICOM files), so every slice has a bone
     * window (for choosing among several served models); PNG/JPG (or a zip of them) are not.
     */
    boolean hounsfield() {
        return names.keySet().stream().noneMatch(p -> {
            String lower = p.toLowerCase(java.util.Locale.ROOT);
            return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
        });
    }

    @Override
    public void close() {
        delete(folder);
    }

    private static Path createFolder(Path root) {
        try {
            return Files.createTempDirectory(root, "request-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(UploadKind.HEAD);
        }
    }

    private static Map<String, String> longestFirst(Map<String, String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        names.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
