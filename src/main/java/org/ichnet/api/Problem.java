package org.ichnet.api;

import java.nio.file.Path;

/**
 * An input file that could not be used, and why.
 *
 * @param file    the file (or folder, or stream name)
 * @param problem what is wrong with it, in one line, without the file name
 */
public record Problem(Path file, String problem) {
    /** {@code file: problem}, as the command line prints it. */
    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
