package org.ichnet.data;

import java.nio.file.Path;

/** Bad input: the message is one line naming the file and what is wrong with it. */
public class DataException extends RuntimeException {
    private final transient Path file;
    private final String problem;

    public DataException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public DataException(DataProblem problem) {
        this(problem.file(), problem.problem());
    }

    public DataException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The problem without the file name. */
    public String problem() {
        return problem;
    }

    public DataProblem toProblem() {
        return new DataProblem(file, problem);
    }
}
