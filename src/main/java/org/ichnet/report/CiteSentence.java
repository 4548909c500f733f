package org.ichnet.report;

import org.ichnet.evaluate.ConfidenceIntervals;
import org.ichnet.evaluate.ModelMetrics;

import java.util.Locale;

/** The key result in one pasteable sentence. */
final class CiteSentence {

    private CiteSentence() {
    }

    static String of(RunSummary run) {
        ModelResult best = run.model("weightedAverage").orElse(run.models().isEmpty() ? null : run.models().get(0));
        if (best == null) {
            return "No model results in this run.";
        }
        ModelMetrics m = best.metrics();
        ConfidenceIntervals ci = best.cis();
        String split = RunSummary.SLICE_PROTOCOL.equals(run.protocol())
                ? "a slice-level (leaky) 80/20 split as in the paper"
                : "a patient-level split";
        String weights = weightsClause(run.ensemble());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "On %s of %s (%d test slices), the %s ensemble%s reached accuracy %s%%%s, macro-F1 %s%%%s and"
                        + " any-hemorrhage AUC %s%s",
                split, run.dataset() == null ? "the data" : run.dataset().root(), m.samples(), best.name(), weights,
                Html.pct(m.accuracy()), range(ci == null ? null : ci.accuracy()), Html.pct(m.macroF1()),
                range(ci == null ? null : ci.macroF1()), Html.number(m.anyHemorrhageAuc(), 3),
                ci == null || !Double.isFinite(ci.anyHemorrhageAuc().lo()) ? ""
                        : String.format(Locale.ROOT, " (95%% CI %.3f-%.3f)", ci.anyHemorrhageAuc().lo(), ci.anyHemorrhageAuc().hi())));
        if (best.patientDecision() != null) {
            s.append(String.format(Locale.ROOT, "; per patient, sensitivity %s%% and specificity %s%%",
                    Html.pct(best.patientDecision().sensitivity()), Html.pct(best.patientDecision().specificity())));
        }
        s.append(" (paper, leaky split with test-set weight selection: 95.86% accuracy).");
        return s.toString();
    }

    /** How the weights were chosen, from the run's own grid: a one-point grid searched nothing. */
    private static String weightsClause(EnsembleSummary ensemble) {
        if (ensemble == null || ensemble.weightedAverage() == null) return "";
        if (ensemble.grid() != null && ensemble.grid().equalOnly()) return " with equal weights (not searched)";
        return " with weights " + Html.weights(ensemble.weightedAverage().weights()) + " selected on validation";
    }

    private static String range(org.ichnet.evaluate.Interval ci) {
        if (ci == null || !Double.isFinite(ci.lo())) {
            return "";
        }
        return " (95% CI " + Html.pct(ci.lo()) + "-" + Html.pct(ci.hi()) + ")";
    }
}
