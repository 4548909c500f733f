package org.ichnet.cli;

import java.nio.file.Path;
import java.util.List;

/** This package's short name for {@link org.ichnet.io.BundledFiles}, which the library shares. */
final class BundledFiles {
    private BundledFiles() {
    }

    static Path locate(String relative, String whenMissing) {
        return org.ichnet.io.BundledFiles.locate(relative, whenMissing);
    }

    static List<Path> candidates(String relative) {
        return org.ichnet.io.BundledFiles.candidates(relative);
    }
}
