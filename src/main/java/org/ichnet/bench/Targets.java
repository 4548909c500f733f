package org.ichnet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The speed and memory targets of issue 4, checked against a run. They are meant for the standard run
 * (256x256, batch 16) on an otherwise idle machine; they live here and in docs/PERFORMANCE.md, never in
 * unit tests.
 */
public final class Targets {
    public static final double TRAIN_MODEL1_ROOF = 0.60;
    public static final double INFER_ENSEMBLE_ROOF = 0.70;
    public static final double SCAN_30_MS = 2000;
    public static final double PEAK_MB = 3 * 1024;
    public static final int REPRODUCTION_MINUTES = 60;

    public record Check(String what, String goal, String measured, boolean met) {
    }

    private Targets() {
    }

    public static List<Check> check(BenchResult r) {
        List<Check> checks = new ArrayList<>();
        BenchResult.ModelResult m1 = r.models().get("model1");
        if (m1 != null) {
            checks.add(new Check("training model1, share of roof", "≥ " + pct(TRAIN_MODEL1_ROOF),
                    pct(m1.trainRoofRatio()), m1.trainRoofRatio() >= TRAIN_MODEL1_ROOF));
        }
        checks.add(new Check("inference ensemble, share of roof", "≥ " + pct(INFER_ENSEMBLE_ROOF),
                pct(r.ensembleRoofRatio()), r.ensembleRoofRatio() >= INFER_ENSEMBLE_ROOF));
        if (r.scanSlices() == 30) {
            checks.add(new Check("30-slice scan, three models", "≤ " + fmt(SCAN_30_MS) + " ms",
                    fmt(r.scanLatencyMs()) + " ms", r.scanLatencyMs() <= SCAN_30_MS));
        }
        if (r.peakRssMb() != null) {
            checks.add(new Check("peak resident memory", "≤ " + fmt(PEAK_MB) + " MB",
                    fmt(r.peakRssMb()) + " MB", r.peakRssMb() <= PEAK_MB));
        }
        return checks;
    }

    private static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
