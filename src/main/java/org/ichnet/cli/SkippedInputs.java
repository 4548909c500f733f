package org.ichnet.cli;

import org.ichnet.api.IchnetException;
import org.ichnet.api.Problem;
import org.ichnet.data.DataException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code predict}'s word on stderr about inputs it skips, as the scans stream by: {@code ichnet: skipped FILE:
 * problem} once some scan has been predicted, each problem once. Until then the problems wait: when nothing at all
 * can be predicted they are the failure itself, each said once and the last as the error (exit 2). With
 * {@code --strict} the first problem stops the run.
 */
final class SkippedInputs {
    private final PrintStream err;
    private final boolean strict;
    private final List<Problem> waiting = new ArrayList<>();
    private boolean predictedSome;

    SkippedInputs(PrintStream err, boolean strict) {
        this.err = err;
        this.strict = strict;
    }

    /** @throws DataException when strict */
    void skipped(Problem p) {
        if (strict) throw new DataException(p.file(), p.problem());
        if (predictedSome) err.println("ichnet: skipped " + p);
        else waiting.add(p);
    }

    /** A scan was predicted: the problems so far are skips. */
    void predicted() {
        if (predictedSome) return;
        predictedSome = true;
        waiting.forEach(p -> err.println("ichnet: skipped " + p));
        waiting.clear();
    }

    /** Whether some scan has been predicted. */
    boolean predictedSome() {
        return predictedSome;
    }

    /**
     * Nothing could be predicted: says each problem met but the error once, and gives the error (the last problem
     * the library names) to throw. When no input could be read at all, those are the failure itself; otherwise
     * (nothing could be predicted, or the model could not be loaded) they were skips.
     */
    DataException failure(IchnetException e) {
        Problem error = e.problems().get(e.problems().size() - 1);
        String prefix = waiting.equals(e.problems()) ? "ichnet: " : "ichnet: skipped ";
        List<Problem> others = new ArrayList<>(waiting);
        others.remove(error);
        others.forEach(p -> err.println(prefix + p));
        return new DataException(error.file(), error.problem());
    }
}
