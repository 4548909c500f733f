package org.ichnet.cli;

import picocli.CommandLine.Option;

/** How a long command talks to the terminal: progress bars, and stack traces on errors (read by {@link Main}). */
final class ConsoleOptions {
    @Option(names = "--no-progress", description = "No progress bars")
    boolean noProgress;

    @Option(names = "--verbose", description = "Stack traces on errors")
    boolean verbose;

    /** Progress bars only on a terminal: in a log file their carriage returns are noise. */
    boolean progress() {
        return !noProgress && System.console() != null;
    }
}
