package org.ichnet.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PHE-SICH layout in miniature ({@code src/test/resources/phe-sich-tiny}: 8x8 PNGs) with the release's two
 * defects: patient 0003 is labelled but has no images (as 0070), patient 0004 has images but no labels (as 0013).
 * Readable: 0001 (slices 0-2, slice 1 ICH with one box) and 0002 (slices 0-1, slice 0 ICH with two boxes).
 */
public final class PheSichFixture {

    private PheSichFixture() {
    }

    public static Path tiny() {
        return Path.of("src", "test", "resources", "phe-sich-tiny").toAbsolutePath();
    }

    /** The released set, {@link SharedData#data}{@code ("phe-sich-ct-ids")}; null when absent. */
    public static Path released() {
        Path p = SharedData.data("phe-sich-ct-ids");
        return Files.isRegularFile(p.resolve("labels.csv")) && Files.isDirectory(p.resolve("images")) ? p : null;
    }
}
