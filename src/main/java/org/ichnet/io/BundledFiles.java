package org.ichnet.io;

import org.ichnet.data.DataException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds a folder the repository ships (the sample, the trained model) wherever ichnet runs from:
 * {@code $ICHNET_HOME/<relative>}, next to the build ({@code target/ichnet.jar} or
 * {@code target/classes} -> {@code ../<relative>}), then {@code ./<relative>}.
 */
public final class BundledFiles {
    private BundledFiles() {
    }

    public static Path locate(String relative, String whenMissing) {
        return find(relative).orElseThrow(() -> new DataException(Path.of(relative), whenMissing + " not in any of: "
                + candidates(relative).stream().map(Path::toString).collect(Collectors.joining(", "))));
    }

    /** The first candidate folder that exists. */
    public static Optional<Path> find(String relative) {
        return candidates(relative).stream().filter(Files::isDirectory).findFirst().map(Path::normalize);
    }

    public static List<Path> candidates(String relative) {
        List<Path> paths = new ArrayList<>();
        String home = System.getenv("ICHNET_HOME");
        if (home != null && !home.isBlank()) paths.add(Path.of(home).resolve(relative));
        Path build = buildLocation();
        if (build != null && build.getParent() != null) paths.add(build.getParent().resolve("..").resolve(relative));
        paths.add(Path.of(relative).toAbsolutePath());
        return paths;
    }

    /** The jar file or classes folder this class was loaded from. */
    private static Path buildLocation() {
        try {
            var source = BundledFiles.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
