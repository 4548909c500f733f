package org.ichnet.data;

import java.util.ArrayList;
import java.util.List;

/** A data set's problems as stderr lines: one warning per problem (or the first few) and a count. */
public final class ProblemWarnings {

    private ProblemWarnings() {
    }

    /** No lines when there is no problem; {@code shown} caps the warning lines, not the count. */
    public static List<String> lines(List<DataProblem> problems, int shown) {
        List<String> out = new ArrayList<>();
        if (problems.isEmpty()) return out;
        int listed = Math.min(shown, problems.size());
        problems.stream().limit(listed).forEach(p -> out.add("ichnet: warning: " + p));
        out.add("ichnet: " + problems.size() + " problem(s), affected slices/files skipped"
                + (listed < problems.size() ? " (" + (problems.size() - listed) + " more: --verbose lists all)" : "")
                + "; --strict makes them fatal");
        return out;
    }
}
