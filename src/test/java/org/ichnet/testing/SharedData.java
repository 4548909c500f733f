package org.ichnet.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only shared folder that holds {@code data/} with the released data sets: {@code $ICHNET_SHARED},
 * else {@code ../shared} beside the project. Absent on a fresh clone, where the tests that need it skip;
 * present in CI, where they run.
 */
public final class SharedData {
    public static final String ENV = "ICHNET_SHARED";

    private SharedData() {
    }

    public static Path root() {
        String env = System.getenv(ENV);
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared");
        return root.toAbsolutePath().normalize();
    }

    /** {@code <root>/data/<relative>}, whether or not it exists. */
    public static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }

    /** {@code <root>/data/<relative>}; skips the calling test when that folder is absent. */
    public static Path requireFolder(String relative) {
        Path folder = data(relative);
        Assumptions.assumeTrue(Files.isDirectory(folder), "shared data not found (set $" + ENV + " to the folder holding data/): " + folder);
        return folder;
    }
}
