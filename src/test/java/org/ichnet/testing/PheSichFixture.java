package org.ichnet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** The released set: $ICHNET_SHARED/data/phe-sich-ct-ids or ../shared/data/phe-sich-ct-ids; null when absent. */
    public static Path released() {
        List<Path> candidates = new ArrayList<>();
        String shared = System.getenv("ICHNET_SHARED");
        if (shared != null && !shared.isBlank()) candidates.add(Path.of(shared, "data", "phe-sich-ct-ids"));
        candidates.add(Path.of("..", "shared", "data", "phe-sich-ct-ids"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("labels.csv")) && Files.isDirectory(p.resolve("images"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }
}
