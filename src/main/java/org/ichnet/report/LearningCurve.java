package org.ichnet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Runs that differ in how many patients their CNNs trained on (cross-validations with {@code --training-share}),
 * as points of a learning curve: slice AUC and AUC within scan level against training patients, the mean at
 * each size over the runs (training seeds) that share it, and the least-squares gain per doubling of the patients.
 */
public record LearningCurve(List<Point> points) {

    /** One run; an AUC is NaN when the run has none (undefined, or an older run). */
    public record Point(String run, double trainingPatients, double sliceAuc, double withinLevelAuc) {
    }

    /** The runs of one training-set size. */
    public record Size(double trainingPatients, int runs, double sliceAuc, double withinLevelAuc) {
    }

    public LearningCurve {
        points = List.copyOf(points);
        if (points.isEmpty()) throw new IllegalArgumentException("a learning curve needs at least one run");
        for (Point p : points) {
            if (!(p.trainingPatients() > 0)) throw new IllegalArgumentException(p.run() + ": no training patients");
        }
    }

    /** Sizes in increasing order; runs whose mean training patients per fold round to the same hundredth share a size. */
    public List<Size> sizes() {
        Map<Long, List<Point>> bySize = new TreeMap<>();
        for (Point p : points) bySize.computeIfAbsent(Math.round(p.trainingPatients() * 100), k -> new ArrayList<>()).add(p);
        List<Size> out = new ArrayList<>();
        for (List<Point> group : bySize.values()) {
            out.add(new Size(mean(group, Point::trainingPatients), group.size(), mean(group, Point::sliceAuc),
                    mean(group, Point::withinLevelAuc)));
        }
        return out;
    }

    /** Least-squares slope of the metric against log2(training patients), over all runs: the gain per doubling. NaN with one size. */
    public double gainPerDoubling(ToDoubleFunction<Point> metric) {
        List<Point> usable = points.stream().filter(p -> !Double.isNaN(metric.applyAsDouble(p))).toList();
        double mx = usable.stream().mapToDouble(p -> log2(p.trainingPatients())).average().orElse(Double.NaN);
        double my = usable.stream().mapToDouble(metric).average().orElse(Double.NaN);
        double sxy = 0, sxx = 0;
        for (Point p : usable) {
            double dx = log2(p.trainingPatients()) - mx;
            sxy += dx * (metric.applyAsDouble(p) - my);
            sxx += dx * dx;
        }
        return sxx > 1e-12 ? sxy / sxx : Double.NaN;
    }

    /** The gains per doubling in one sentence, or why there are none. */
    public String gainSentence() {
        double slice = gainPerDoubling(Point::sliceAuc), within = gainPerDoubling(Point::withinLevelAuc);
        if (Double.isNaN(slice)) return "No gain per doubling: the runs share one training-set size.";
        return String.format(Locale.ROOT, "Gain per doubling of the training patients (least squares over the runs): "
                + "%+.3f slice AUC, %s AUC within scan level.", slice,
                Double.isNaN(within) ? "no" : String.format(Locale.ROOT, "%+.3f", within));
    }

    private static String cell(double auc) {
        return Double.isNaN(auc) ? "–" : String.format(Locale.ROOT, "%.3f", auc);
    }

    /** Over the runs that have the metric (NaN when none has it). */
    private static double mean(List<Point> group, ToDoubleFunction<Point> metric) {
        return group.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The sizes as a Markdown table, and the gain per doubling. */
    public String markdown() {
        StringBuilder md = new StringBuilder("| training patients per fold | runs | slice AUC (mean) | AUC within scan level (mean) |\n|---|---|---|---|\n");
        for (Size s : sizes()) {
            md.append(String.format(Locale.ROOT, "| %.1f | %d | %s | %s |\n", s.trainingPatients(), s.runs(),
                    cell(s.sliceAuc()), cell(s.withinLevelAuc())));
        }
        md.append("\n").append(gainSentence()).append("\n");
        return md.toString();
    }
}
