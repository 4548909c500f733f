package org.ichnet.serve;

import org.ichnet.clinical.NaturalOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded zip (a DICOM series, or a folder of PNG/JPG slices) into one flat folder. No entry
 * name becomes a path: files are numbered {@code 00001.dcm, 00002.dcm, ...} in the natural order of their
 * entry names (so a series without positions keeps the order of its names) and keep only a known
 * extension. An entry that climbs out of the archive ({@code ../}, an absolute path) refuses the whole zip,
 * and so do more than {@link #MAX_ENTRIES} files or more than {@code maxBytes} once expanded (counted while
 * writing, not taken from the headers). Hidden files and macOS {@code __MACOSX/} entries are left out.
 */
final class SeriesZip {

    static final int MAX_ENTRIES = 4096;
    private static final List<String> KEPT_EXTENSIONS = List.of(".dcm", ".png", ".jpg", ".jpeg");

    private SeriesZip() {
    }

    /** Returns each written file's path (as a string) with the entry name it came from, in order. */
    static Map<String, String> extract(Path zip, Path folder, long maxBytes) {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            // counted from the central directory before any entry object is made: a small zip of millions of entries stops here
            if (archive.size() > 2 * MAX_ENTRIES) {
                throw ApiError.badRequest("the zip holds " + archive.size() + " entries, above the limit of " + MAX_ENTRIES + " files");
            }
            List<ZipEntry> files = new ArrayList<>();
            for (ZipEntry entry : archive.stream().toList()) {
                String name = entry.getName();
                if (climbsOut(name)) throw ApiError.badRequest("zip entry '" + UploadName.printable(name) + "' points outside the archive");
                if (!entry.isDirectory() && !hidden(name)) files.add(entry);
            }
            if (files.isEmpty()) throw ApiError.badRequest("the zip holds no files");
            if (files.size() > MAX_ENTRIES) throw ApiError.badRequest("the zip holds " + files.size() + " files, above the limit of " + MAX_ENTRIES);
            files.sort(Comparator.comparing(ZipEntry::getName, NaturalOrder.INSTANCE));
            Files.createDirectory(folder);
            Map<String, String> written = new LinkedHashMap<>();
            long total = 0;
            for (int i = 0; i < files.size(); i++) {
                ZipEntry entry = files.get(i);
                Path target = folder.resolve(String.format(Locale.ROOT, "%05d%s", i + 1, extension(entry.getName())));
                try (InputStream in = new UploadLimit(archive.getInputStream(entry), maxBytes - total,
                        () -> ApiError.badRequest("the zip expands beyond " + maxBytes + " bytes"))) {
                    total += Files.copy(in, target);
                }
                written.put(target.toString(), UploadName.printable(entry.getName()));
            }
            return written;
        } catch (IOException e) {
            throw ApiError.badRequest("not a readable zip: " + e.getMessage());
        }
    }

    static boolean climbsOut(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) return true;
        for (String part : n.split("/")) if (part.equals("..")) return true;
        return false;
    }

    private static boolean hidden(String name) {
        for (String part : name.replace('\\', '/').split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) return true;
        }
        return false;
    }

    private static String extension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return KEPT_EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElse("");
    }
}
