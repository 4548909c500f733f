package org.ichnet.clinical;

import org.ichnet.data.DataProblem;

import java.nio.file.Path;
import java.util.List;

/**
 * One user input turned into slices for prediction: a file, a folder or a volume.
 * {@code problems} lists the files that were skipped; a scan whose input could not be read at
 * all has no slices and one problem.
 */
public record Scan(String name, Path source, List<ScanSlice> slices, List<DataProblem> problems) {
    public Scan {
        slices = List.copyOf(slices);
        problems = List.copyOf(problems);
    }
}
