package org.ichnet.cli;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.report.ModelResult;
import org.ichnet.report.PaperNumbers;
import org.ichnet.report.RunSummary;

import java.io.PrintStream;

/** The closing table of {@code reproduce} and {@code cv}: one row per model and ensemble. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(PrintStream out, RunSummary run) {
        var test = run.splits().get("test");
        out.printf("%nprotocol: %s%s — test set: %d slices of %d patients%n", run.protocol(),
                run.leaky() ? " (LEAKY: neighbouring slices of a patient in train and test)" : " (split by patient)",
                test.slices(), test.patients());
        // per-source rows ("weightedAverage [phe-sich]") widen the name column; a single-source table is as before
        int width = Math.max(16, run.models().stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String row = "%-" + width + "s %8s %8s %8s %8s %8s %8s %8s %8s%n";
        out.printf(row, "model", "acc", "paper", "macroF1", "AUCany",
                "sensICH", "sensSDH", "sensEDH", "specAny");
        for (ModelResult r : run.models()) {
            var m = r.metrics();
            Double paper = PaperNumbers.ACCURACY.get(r.name());
            out.printf(row, r.name(), pct(m.accuracy()),
                    paper == null ? "-" : String.format("%.2f", paper), pct(m.macroF1()), pct(m.anyHemorrhageAuc()),
                    pct(m.of(HemorrhageClass.ICH).sensitivity()), pct(m.of(HemorrhageClass.SDH).sensitivity()),
                    pct(m.of(HemorrhageClass.EDH).sensitivity()), pct(m.of(HemorrhageClass.NORMAL).sensitivity()));
        }
        if (run.ensemble() != null && run.ensemble().weightedAverage() != null && run.ensemble().weightedSum() != null) {
            out.printf("ensemble weights (%s): average %s, vote %s%n", run.ensemble().weightedAverage().searched()
                            ? "searched on validation, " + run.ensemble().criterion() : "equal, not searched",
                    java.util.Arrays.toString(run.ensemble().weightedAverage().normalizedWeights()),
                    java.util.Arrays.toString(run.ensemble().weightedSum().normalizedWeights()));
        }
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.2f", 100 * v);
    }
}
