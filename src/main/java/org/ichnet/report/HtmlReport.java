package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.PaperWeights;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.evaluate.CalibrationResult;
import org.ichnet.evaluate.ClassIntervals;
import org.ichnet.evaluate.ClassMetrics;
import org.ichnet.evaluate.ConfusionMatrix;
import org.ichnet.evaluate.PatientDecision;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.ichnet.report.Html.escape;
import static org.ichnet.report.Html.paperPct;
import static org.ichnet.report.Html.pct;
import static org.ichnet.report.Html.pctWithCi;

/**
 * One self-contained {@code report.html} (inline CSS, figures as base64 data URIs) laid out like a paper's
 * results section, with the paper's numbers beside ours wherever it reports them. The figures are also left
 * in {@code runDir} as PNG files.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    private static final String CSS = """
            body{font-family:Georgia,serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:1em 0;font-size:.92em}
            th,td{border:1px solid #bbb;padding:.3em .6em;text-align:right}th{background:#f0f0f0}
            td:first-child,th:first-child{text-align:left}caption{caption-side:top;text-align:left;font-weight:bold;padding:.3em 0}
            .ci{color:#666;font-size:.88em}.paper{color:#555;background:#fafafa}
            .leaky{background:#c00;color:#fff;font-weight:bold;font-size:1.2em;padding:1em;border-radius:4px}
            .protocol{background:#eef6ee;border-left:4px solid #3a3;padding:.6em 1em}
            figure{margin:1.5em 0}figure img{max-width:100%;border:1px solid #ddd}figcaption{font-style:italic}
            .cite{background:#f6f6ff;border-left:4px solid #66c;padding:.6em 1em}
            """;

    private HtmlReport() {
    }

    /** Writes the figures and {@code report.html} into {@code runDir}; returns the report's path. */
    public static Path write(Path runDir, RunSummary run) {
        Map<String, Path> figures = Figures.writeAll(runDir, run);
        Path file = runDir.resolve(FILE);
        AtomicFiles.writeString(file, render(run, figures));
        return file;
    }

    static String render(RunSummary run, Map<String, Path> figures) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>").append(escape(run.title()))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(escape(run.title())).append("</h1>\n<p>").append(escape(run.date())).append(" &middot; ")
                .append(escape(run.machine())).append("</p>\n");
        protocol(h, run);
        dataset(h, run);
        summary(h, run);
        perModelTables(h, run);
        ensemble(h, run);
        confusions(h, run);
        calibrationAndTiming(h, run);
        figures(h, figures);
        settings(h, run);
        notes(h, run);
        cite(h, run);
        return h.append("</body></html>\n").toString();
    }

    private static void protocol(StringBuilder h, RunSummary run) {
        boolean leaky = run.leaky() || RunSummary.SLICE_PROTOCOL.equals(run.protocol());
        if (leaky) {
            h.append("<div class=leaky>LEAKY: slices of one patient in both train and test. This run uses the paper's")
                    .append(" slice-level 80/20 split; neighbouring slices of a patient are near-duplicates, so these")
                    .append(" numbers overstate how the models do on new patients.</div>\n");
        } else {
            h.append("<p class=protocol><b>Protocol.</b> Split by patient: no patient has slices in more than one of")
                    .append(" train, validation and test. Everything chosen (epochs, ensemble weights if searched,")
                    .append(" operating points, temperatures) was chosen on validation only; every")
                    .append(" number below is on the held-out test set. Intervals are 95% percentile bootstrap CIs")
                    .append(" resampling patients.</p>\n");
        }
    }

    private static void dataset(StringBuilder h, RunSummary run) {
        h.append("<h2>Data</h2>\n");
        DatasetSummary d = run.dataset();
        if (d != null) {
            h.append("<p>").append(escape(d.root())).append(": ").append(d.patients()).append(" patients, ")
                    .append(d.slices()).append(" slices.</p>\n");
            h.append("<table><caption>Slices per class: this data vs the paper's Table 1</caption>")
                    .append("<tr><th>class</th><th>slices (ours)</th><th class=paper>paper Table 1</th></tr>\n");
            for (HemorrhageClass c : HemorrhageClass.values()) {
                h.append("<tr><td>").append(c).append("</td><td>").append(d.classCounts().getOrDefault(c, 0))
                        .append("</td><td class=paper>").append(PaperNumbers.TABLE1_SLICES.get(c)).append("</td></tr>\n");
            }
            h.append("<tr><th>total</th><th>").append(d.slices()).append("</th><th class=paper>")
                    .append(PaperNumbers.TABLE1_TOTAL).append("</th></tr></table>\n");
            h.append("<p>The paper's counts (2,510 slices) do not match the released CT-ICH data; we report the real ones.</p>\n");
        }
        if (!run.splits().isEmpty()) {
            h.append("<table><caption>Splits</caption><tr><th>role</th><th>patients</th><th>slices</th></tr>\n");
            run.splits().forEach((role, c) -> h.append("<tr><td>").append(escape(role)).append("</td><td>")
                    .append(c.patients()).append("</td><td>").append(c.slices()).append("</td></tr>\n"));
            h.append("</table>\n");
        }
    }

    private static void summary(StringBuilder h, RunSummary run) {
        h.append("<h2>Summary</h2>\n<table><caption>Test set, all models and ensembles")
                .append(run.perSource().isEmpty() ? "" : "; after the pooled rows, each source's slices alone (model [source])")
                .append("</caption><tr><th>model</th>")
                .append("<th>accuracy (%)</th><th class=paper>paper accuracy</th><th>macro-F1 (%)</th>")
                .append("<th>any-hemorrhage AUC</th><th>AUC within scan level</th><th>patient AUC</th><th>patient sensitivity</th>")
                .append("<th>patient specificity</th></tr>\n");
        for (ModelResult m : run.models()) {
            var ci = m.cis();
            h.append("<tr><td>").append(escape(m.name())).append("</td><td>")
                    .append(pctWithCi(m.metrics().accuracy(), ci == null ? null : ci.accuracy()))
                    .append("</td><td class=paper>").append(paperPct(PaperNumbers.accuracy(m.name()).orElse(Double.NaN)))
                    .append("</td><td>").append(pctWithCi(m.metrics().macroF1(), ci == null ? null : ci.macroF1()))
                    .append("</td><td>").append(pctWithCi(m.metrics().anyHemorrhageAuc(), ci == null ? null : ci.anyHemorrhageAuc()))
                    .append("</td><td>").append(m.withinLevel() == null ? "n/a"
                            : pctWithCi(m.withinLevel().auc(), m.withinLevel().ci()))
                    .append("</td><td>").append(m.patientRanking() == null ? "n/a"
                            : pctWithCi(m.patientRanking().auc(), m.patientRanking().ci()))
                    .append("</td>");
            PatientDecision d = m.patientDecision();
            if (d == null) {
                h.append("<td>n/a</td><td>n/a</td>");
            } else {
                h.append("<td>").append(pct(d.sensitivity())).append(" (").append(d.truePositives()).append('/')
                        .append(d.hemorrhagePatients()).append(")</td><td>").append(pct(d.specificity())).append(" (")
                        .append(d.trueNegatives()).append('/').append(d.trueNegatives() + d.falsePositives()).append(")</td>");
            }
            h.append("</tr>\n");
        }
        String rule = run.models().stream().map(ModelResult::patientDecision).filter(java.util.Objects::nonNull)
                .map(PatientDecision::rule).findFirst().orElse("any slice predicted as a hemorrhage class");
        h.append("</table>\n<p>AUC shown in percent. Any-hemorrhage AUC scores a slice by 1 &minus; p(NORMAL); AUC")
                .append(" within scan level counts only pairs of a hemorrhage and a normal slice from the same tenth of")
                .append(" their scans, so knowing where a slice lies does not help (50% = nothing seen beyond the level;")
                .append(" figure &ldquo;Scores along the scan&rdquo;); patient AUC")
                .append(" scores a patient by its highest slice (95% CI over patients). A patient is")
                .append(" called positive when ").append(escape(rule)).append("; where a threshold is used it is the")
                .append(" largest that flagged every hemorrhage patient of validation. The paper reports")
                .append(" 95.86% for the WA2D-CNN (94.86% in one sentence).</p>\n");
    }

    private static void perModelTables(StringBuilder h, RunSummary run) {
        h.append("<h2>Per-class results</h2>\n");
        for (ModelResult m : run.models()) {
            String table = PaperNumbers.TABLE.get(m.name());
            boolean reported = PaperNumbers.perClass(m.name(), HemorrhageClass.NORMAL).isPresent();
            h.append("<table><caption>").append(escape(m.name())).append(table == null ? "" : " (cf. paper " + table + ")")
                    .append("</caption><tr><th>class</th><th>precision</th><th class=paper>paper</th><th>sensitivity</th>")
                    .append("<th class=paper>paper</th><th>specificity</th><th>F1</th><th class=paper>paper</th>")
                    .append("<th>AUC</th><th>support</th></tr>\n");
            for (HemorrhageClass c : HemorrhageClass.values()) {
                ClassMetrics cm = m.metrics().of(c);
                ClassIntervals ci = m.cis() == null ? null : m.cis().of(c);
                PaperNumbers.Reported p = PaperNumbers.perClass(m.name(), c)
                        .orElse(new PaperNumbers.Reported(Double.NaN, Double.NaN, Double.NaN));
                h.append("<tr><td>").append(c).append("</td><td>").append(pctWithCi(cm.precision(), ci == null ? null : ci.precision()))
                        .append("</td><td class=paper>").append(paperPct(p.precision()))
                        .append("</td><td>").append(pctWithCi(cm.sensitivity(), ci == null ? null : ci.sensitivity()))
                        .append("</td><td class=paper>").append(paperPct(p.sensitivity()))
                        .append("</td><td>").append(pctWithCi(cm.specificity(), ci == null ? null : ci.specificity()))
                        .append("</td><td>").append(pctWithCi(cm.f1(), ci == null ? null : ci.f1()))
                        .append("</td><td class=paper>").append(paperPct(p.f1()))
                        .append("</td><td>").append(pct(cm.auc())).append("</td><td>").append(cm.support()).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (!SourceRows.pooled(m)) {
                continue;
            }
            if (!reported && table != null) {
                h.append("<p>Not reported: the paper announces ").append(table).append(" but the table is missing from its text.</p>\n");
            } else if (table == null) {
                h.append("<p>Not reported: the paper gives only this model's accuracy.</p>\n");
            } else if (m.name().equals("weightedAverage")) {
                h.append("<p>").append(table).append(" is missing from the paper; its per-class precision is quoted from the text.</p>\n");
            }
        }
        h.append("<p>All values in percent with 95% CIs; n/a = undefined on this test set (0/0, e.g. a class never")
                .append(" predicted). Sensitivity is TP/(TP+FN); the paper's Eq. 2 (TP/(TP+TN)) is a typo.</p>\n");
    }

    private static void ensemble(StringBuilder h, RunSummary run) {
        EnsembleSummary e = run.ensemble();
        if (e == null) {
            return;
        }
        boolean searched = !e.grid().equalOnly();
        h.append("<h2>Ensemble weights</h2>\n<p>").append(searched
                        ? "Weights were " + escape(e.grid().describe()) + " on the validation set only, maximising "
                        + escape(e.criterion()) + "."
                        : "The three CNNs are averaged with equal weights: nothing was searched (a validation set of a few"
                        + " hemorrhage patients is too small to choose weights on; docs/MODELS.md).")
                .append(" The paper's weights ")
                .append(Html.weights(PaperWeights.WEIGHTS)).append(" were chosen on its test set; here they are evaluated on")
                .append(" the same test set as ours. <i>weightedSum</i> is a weighted vote, <i>weightedAverage</i> the")
                .append(" paper's WA2D-CNN (see docs/ENSEMBLE.md).</p>\n");
        h.append("<table><tr><th>ensemble</th><th>weights</th><th>normalised</th><th>chosen on</th><th>test accuracy</th>")
                .append("<th>test macro-F1</th><th>test AUC</th></tr>\n");
        String how = searched ? ", searched" : ", equal weights";
        ensembleRow(h, "weightedAverage" + how, e.weightedAverage(), run.model("weightedAverage").orElse(null));
        ensembleRow(h, "weightedSum" + how, e.weightedSum(), run.model("weightedSum").orElse(null));
        paperRow(h, "weightedAverage, paper weights", e.paperWeightsAverage());
        paperRow(h, "weightedSum, paper weights", e.paperWeightsSum());
        h.append("</table>\n");
    }

    private static void ensembleRow(StringBuilder h, String label, SearchResult s, ModelResult test) {
        if (s == null) {
            return;
        }
        h.append("<tr><td>").append(escape(label)).append("</td><td>").append(Html.weights(s.weights())).append("</td><td>")
                .append(Html.weights(s.normalizedWeights())).append("</td><td>")
                .append(s.searched() ? "validation (" + s.candidatesTried() + " directions)" : "given").append("</td>");
        testCells(h, test);
    }

    private static void paperRow(StringBuilder h, String label, ModelResult test) {
        if (test == null) {
            return;
        }
        h.append("<tr><td>").append(escape(label)).append("</td><td>").append(Html.weights(PaperWeights.WEIGHTS))
                .append("</td><td>").append(Html.weights(org.ichnet.ensemble.Ensemble.normalized(PaperWeights.WEIGHTS)))
                .append("</td><td>fixed (paper)</td>");
        testCells(h, test);
    }

    private static void testCells(StringBuilder h, ModelResult test) {
        if (test == null) {
            h.append("<td>n/a</td><td>n/a</td><td>n/a</td></tr>\n");
            return;
        }
        var ci = test.cis();
        h.append("<td>").append(pctWithCi(test.metrics().accuracy(), ci == null ? null : ci.accuracy())).append("</td><td>")
                .append(pctWithCi(test.metrics().macroF1(), ci == null ? null : ci.macroF1())).append("</td><td>")
                .append(pctWithCi(test.metrics().anyHemorrhageAuc(), ci == null ? null : ci.anyHemorrhageAuc()))
                .append("</td></tr>\n");
    }

    private static void confusions(StringBuilder h, RunSummary run) {
        h.append("<h2>Confusion matrices</h2>\n<p>Rows: true class; columns: predicted class; test slices.</p>\n");
        for (ModelResult m : run.models()) {
            ConfusionMatrix cm = m.metrics().confusion();
            h.append("<table><caption>").append(escape(m.name())).append("</caption><tr><th>true \\ predicted</th>");
            for (HemorrhageClass c : HemorrhageClass.values()) {
                h.append("<th>").append(c).append("</th>");
            }
            h.append("</tr>\n");
            for (HemorrhageClass t : HemorrhageClass.values()) {
                h.append("<tr><td>").append(t).append("</td>");
                for (HemorrhageClass p : HemorrhageClass.values()) {
                    h.append("<td>").append(cm.count(t.ordinal(), p.ordinal())).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static void calibrationAndTiming(StringBuilder h, RunSummary run) {
        if (!run.calibration().isEmpty()) {
            h.append("<h2>Calibration</h2>\n<table><caption>Temperature scaling fitted on validation; ECE on test")
                    .append(" (15 bins)</caption><tr><th>model</th><th>T</th><th>ECE before</th><th>ECE after</th></tr>\n");
            for (Map.Entry<String, CalibrationResult> e : run.calibration().entrySet()) {
                h.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(Html.number(e.getValue().temperature(), 3))
                        .append("</td><td>").append(Html.number(e.getValue().eceBefore(), 4)).append("</td><td>")
                        .append(Html.number(e.getValue().eceAfter(), 4)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!run.trainingSeconds().isEmpty()) {
            h.append("<h2>Training time</h2>\n<table><tr><th>model</th><th>wall time (s)</th></tr>\n");
            run.trainingSeconds().forEach((model, s) -> h.append("<tr><td>").append(escape(model)).append("</td><td>")
                    .append(Html.number(s, 1)).append("</td></tr>\n"));
            h.append("</table>\n");
        }
    }

    private static void figures(StringBuilder h, Map<String, Path> figures) {
        h.append("<h2>Figures</h2>\n");
        for (Map.Entry<String, Path> f : figures.entrySet()) {
            h.append("<figure><img alt=\"").append(escape(f.getKey())).append("\" src=\"data:image/png;base64,")
                    .append(base64(f.getValue())).append("\"><figcaption>").append(escape(f.getKey()))
                    .append("</figcaption></figure>\n");
        }
    }

    private static void settings(StringBuilder h, RunSummary run) {
        h.append("<h2>Settings</h2>\n<table><tr><th>setting</th><th>value</th></tr>\n");
        h.append("<tr><td>protocol</td><td>").append(escape(run.protocol())).append("</td></tr>\n");
        run.settings().forEach((k, v) -> h.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(v))
                .append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static void notes(StringBuilder h, RunSummary run) {
        if (run.notes().isEmpty()) {
            return;
        }
        h.append("<h2>Notes</h2>\n<ul>\n");
        run.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static void cite(StringBuilder h, RunSummary run) {
        h.append("<h2>How to cite / paste</h2>\n<p class=cite>").append(escape(CiteSentence.of(run))).append("</p>\n");
    }

    private static String base64(Path png) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read figure " + png + ": " + e.getMessage(), e);
        }
    }
}
