package org.ichnet.report;

import java.util.Optional;

/**
 * Per-source result rows of a run whose data came from several sources: the row of model {@code weightedAverage}
 * on the slices of source {@code phe-sich} is named {@code weightedAverage [phe-sich]} and listed after the pooled
 * rows. A run of one source has no such rows.
 */
public final class SourceRows {

    private SourceRows() {
    }

    public static String name(String model, String source) {
        return model + " [" + source + "]";
    }

    /** The source of a per-source row; empty for a pooled row. */
    public static Optional<String> source(String rowName) {
        int open = rowName.lastIndexOf(" [");
        if (open < 0 || !rowName.endsWith("]")) return Optional.empty();
        return Optional.of(rowName.substring(open + 2, rowName.length() - 1));
    }

    /** The model of a row, pooled or per-source. */
    public static String model(String rowName) {
        return source(rowName).map(s -> rowName.substring(0, rowName.lastIndexOf(" ["))).orElse(rowName);
    }

    public static boolean pooled(ModelResult row) {
        return source(row.name()).isEmpty();
    }
}
