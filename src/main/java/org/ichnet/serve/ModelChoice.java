package org.ichnet.serve;

import org.ichnet.clinical.Scan;

import java.nio.file.Path;
import java.util.List;

/**
 * Which served model answers {@code POST /predictions} when the request names none: the folder
 * {@code predict} would take without {@code --model} (serving the shipped models), or the first
 * {@code --model} given.
 */
@FunctionalInterface
public interface ModelChoice {
    /** One of the folders the registry was loaded from. */
    Path choose(List<Scan> scans);
}
