package org.ichnet.spark;

import org.apache.hadoop.fs.Path;

import java.net.URI;
import java.util.Optional;

/** Local or remote: a Hadoop path on the local file system is handed to the API as it is, anything else is copied. */
final class Paths {
    private Paths() {
    }

    /** The local file for a {@code file:} (or scheme-less) path, else empty. */
    static Optional<java.nio.file.Path> local(String path) {
        URI uri = new Path(path).toUri();
        if (uri.getScheme() == null || uri.getScheme().equals("file")) return Optional.of(java.nio.file.Path.of(uri.getPath()));
        return Optional.empty();
    }

    /** How a path is shown and keyed: an absolute path for local files, the full URI for remote ones. */
    static String display(Path qualified) {
        URI uri = qualified.toUri();
        return "file".equals(uri.getScheme()) ? uri.getPath() : qualified.toString();
    }
}
