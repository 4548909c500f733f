package org.ichnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects per-slice problems; in strict mode the first one is thrown instead. */
public final class ProblemLog {
    private final boolean strict;
    private final List<DataProblem> problems = new ArrayList<>();

    public ProblemLog(boolean strict) {
        this.strict = strict;
    }

    public void report(DataProblem problem) {
        if (strict) {
            throw new DataException(problem);
        }
        problems.add(problem);
    }

    public void report(Path file, String problem) {
        report(new DataProblem(file, problem));
    }

    public List<DataProblem> problems() {
        return List.copyOf(problems);
    }
}
