package org.ichnet.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** examples/predict-a-scan depends on the version this build installs (.ci/run builds and runs it). */
class ExampleProjectTest {

    static String first(Pattern pattern, Path file) throws IOException {
        Matcher m = pattern.matcher(Files.readString(file));
        assertTrue(m.find(), pattern + " in " + file);
        return m.group(1);
    }

    @Test
    void theExampleDependsOnThisVersion() throws IOException {
        String version = first(Pattern.compile("<artifactId>ichnet</artifactId>\\s*<version>([^<]+)</version>"), Path.of("pom.xml"));
        assertEquals(version, first(Pattern.compile("<ichnet.version>([^<]+)</ichnet.version>"), Path.of("examples/predict-a-scan/pom.xml")));
    }
}
