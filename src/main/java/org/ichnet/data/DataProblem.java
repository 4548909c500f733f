package org.ichnet.data;

import java.nio.file.Path;

/** A problem with one input file, reported as "file: problem" on one line. */
public record DataProblem(Path file, String problem) {
    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
