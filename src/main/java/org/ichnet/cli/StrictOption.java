package org.ichnet.cli;

import picocli.CommandLine.Option;

/**
 * {@code --strict} of the commands that train on a data set. Apart from {@link RunOptions}: it is not a setting of
 * the run, so giving it neither changes config.json nor stops a run from resuming.
 */
final class StrictOption {
    @Option(names = "--strict", description = "Stop at the data set's first problem (exit 2) instead of warning and skipping the slice")
    boolean strict;
}
