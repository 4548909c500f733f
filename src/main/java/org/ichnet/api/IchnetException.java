package org.ichnet.api;

import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;

import java.nio.file.Path;
import java.util.List;

/**
 * Bad input: a missing, empty, truncated or corrupt file, an unsupported format, a header out of bounds, or a
 * model folder that is not one. The message is one line, {@code file: problem}, the same as the command line
 * prints. The only checked exception of this package; nothing else escapes for bad input.
 */
public final class IchnetException extends Exception {
    private final transient List<Problem> problems;

    IchnetException(List<Problem> problems, Throwable cause) {
        super(problems.get(0).toString(), cause);
        this.problems = List.copyOf(problems);
    }

    IchnetException(Problem problem) {
        this(List.of(problem), null);
    }

    static IchnetException of(DataException e) {
        return new IchnetException(List.of(problem(e.toProblem())), e);
    }

    static Problem problem(DataProblem p) {
        return new Problem(p.file(), p.problem());
    }

    /** The file (or folder, or stream name) the problem is with. */
    public Path file() {
        return problems.get(0).file();
    }

    /** The problem without the file name. */
    public String problem() {
        return problems.get(0).problem();
    }

    /** Every problem when several inputs failed at once (none could be read), the first being this one's. */
    public List<Problem> problems() {
        return problems;
    }
}
