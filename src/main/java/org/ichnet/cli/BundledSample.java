package org.ichnet.cli;

import org.ichnet.data.DataException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the small CT-ICH subset shipped with the project, used when no data folder is given. Looks in
 * {@code $ICHNET_HOME/sample/ct-ich-sample}, next to the build ({@code target/ichnet.jar} or
 * {@code target/classes} -> {@code ../sample/ct-ich-sample}), then {@code ./sample/ct-ich-sample}.
 */
public final class BundledSample {

    static final String RELATIVE = "sample/ct-ich-sample";

    private BundledSample() {
    }

    public static Path locate() {
        List<Path> candidates = candidates();
        for (Path p : candidates) {
            if (Files.isDirectory(p)) return p.normalize();
        }
        throw new DataException(Path.of(RELATIVE), "no data folder given and the bundled sample is not in any of: "
                + candidates.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    static List<Path> candidates() {
        List<Path> paths = new ArrayList<>();
        String home = System.getenv("ICHNET_HOME");
        if (home != null && !home.isBlank()) paths.add(Path.of(home).resolve(RELATIVE));
        Path build = buildLocation();
        if (build != null && build.getParent() != null) paths.add(build.getParent().resolve("..").resolve(RELATIVE));
        paths.add(Path.of(RELATIVE).toAbsolutePath());
        return paths;
    }

    /** The jar file or classes folder this class was loaded from. */
    private static Path buildLocation() {
        try {
            var source = BundledSample.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
