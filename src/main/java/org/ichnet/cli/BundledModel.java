package org.ichnet.cli;

import org.ichnet.data.DataException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the trained ensemble shipped with the project, used when {@code predict} gets no {@code --model}.
 * Looks where {@link BundledSample} looks: {@code $ICHNET_HOME/models/ct-ich-wa2d}, next to the build
 * ({@code target/ichnet.jar} or {@code target/classes} -> {@code ../models/ct-ich-wa2d}), then
 * {@code ./models/ct-ich-wa2d}.
 */
final class BundledModel {

    static final String RELATIVE = "models/ct-ich-wa2d";

    private BundledModel() {
    }

    static Path locate() {
        List<Path> candidates = candidates();
        for (Path p : candidates) {
            if (Files.isDirectory(p)) return p.normalize();
        }
        throw new DataException(Path.of(RELATIVE), "no --model given and the shipped model is not in any of: "
                + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))
                + "; train one with `ichnet reproduce --out RUN_DIR` and pass --model RUN_DIR/models");
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

    private static Path buildLocation() {
        try {
            var source = BundledModel.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
