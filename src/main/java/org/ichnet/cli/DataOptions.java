package org.ichnet.cli;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DataProblem;
import org.ichnet.data.LabelPriority;
import org.ichnet.data.ProblemWarnings;
import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data folder and how to read it; shared by the commands that read a data set. */
public final class DataOptions {

    static final int PROBLEMS_SHOWN = 5;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA_DIR",
            description = "CT-ICH release folder, PHE-SICH folder (labels.csv, images/) or <CLASS>/*.png folders "
                    + "(default: the bundled sample)")
    Path dataDir;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A data folder (any of the layouts of DATA_DIR); repeat to read several sources as one data set, "
                    + "each source's patients kept apart")
    List<Path> moreDataDirs;

    @Option(names = "--strict", description = "Stop at the first bad slice or file (exit 2) instead of skipping it")
    boolean strict;

    @Option(names = "--bone", description = "Brain+bone input: keep only slices that have a bone-window image")
    boolean bone;

    @Option(names = "--priority", paramLabel = "ORDER", converter = PriorityConverter.class,
            description = "Class for slices with several types, first match wins (default: ${DEFAULT-VALUE})",
            defaultValue = "SDH,EDH,ICH")
    LabelPriority priority = LabelPriority.DEFAULT;

    @Option(names = "--verbose", description = "List every problem; stack traces on errors")
    boolean verbose;

    /** DATA_DIR then every --data, or the bundled sample when none is given. */
    List<Path> dataDirs() {
        List<Path> dirs = new ArrayList<>();
        if (dataDir != null) dirs.add(dataDir);
        if (moreDataDirs != null) dirs.addAll(moreDataDirs);
        return dirs.isEmpty() ? List.of(BundledSample.locate()) : dirs;
    }

    ReadOptions readOptions() {
        return new ReadOptions(bone, strict, priority);
    }

    CtDataset read() {
        return Sources.read(dataDirs(), readOptions());
    }

    /** One line per problem on stderr (all with --verbose, else the first few) and a count. */
    void warn(PrintWriter err, List<DataProblem> problems) {
        if (problems.isEmpty()) return;
        ProblemWarnings.lines(problems, verbose ? problems.size() : PROBLEMS_SHOWN).forEach(err::println);
        err.flush();
    }

    static final class PriorityConverter implements ITypeConverter<LabelPriority> {
        @Override
        public LabelPriority convert(String value) {
            return LabelPriority.parse(value);
        }
    }
}
