package org.ichnet.clinical;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only shared data folder: {@code $ICHNET_SHARED} or {@code ../shared/data}; tests skip when absent. */
final class SharedData {
    private SharedData() {
    }

    static Path folder(String relative) {
        String env = System.getenv("ICHNET_SHARED");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data");
        Path folder = root.resolve(relative);
        Assumptions.assumeTrue(Files.isDirectory(folder), "shared data not found: " + folder.toAbsolutePath());
        return folder;
    }
}
