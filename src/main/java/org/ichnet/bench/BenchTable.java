package org.ichnet.bench;

import java.io.PrintWriter;
import java.util.Map;

/** The human-readable form of a {@link BenchResult}. */
public final class BenchTable {

    private BenchTable() {
    }

    public static void print(PrintWriter out, BenchResult r) {
        out.printf("ichnet bench   %s%n", r.date());
        out.printf("machine        %s%n", r.machine());
        out.printf("settings       %dx%d, training batch %d, inference batch %d, %s, %d TensorFlow threads, %s variant%s%n",
                r.size(), r.size(), r.batch(), r.inferBatch(), r.precision(), r.threads(), r.variant(),
                r.quick() ? " (--quick)" : "");
        out.printf("roof           %.1f GFLOP/s (fp32 matmul %dx%d, median)%n%n", r.roofGflops(), r.roofMatrixSize(), r.roofMatrixSize());

        out.printf("%-8s %9s %10s %10s %10s %8s %7s %10s %8s %7s%n", "model", "params", "GFLOP fwd", "GFLOP trn",
                "train/s", "GFLOP/s", "roof", "infer/s", "GFLOP/s", "roof");
        for (Map.Entry<String, BenchResult.ModelResult> e : r.models().entrySet()) {
            BenchResult.ModelResult m = e.getValue();
            out.printf("%-8s %9d %10.3f %10.3f %10.1f %8.1f %6.0f%% %10.1f %8.1f %6.0f%%%n", e.getKey(), m.parameters(),
                    m.flopsPerImageForward() / 1e9, m.flopsPerImageTrain() / 1e9,
                    m.trainImagesPerSec(), m.trainGflops(), 100 * m.trainRoofRatio(),
                    m.inferImagesPerSec(), m.inferGflops(), 100 * m.inferRoofRatio());
        }
        out.printf("(per image; train/s = images per second of Adam steps at batch %d; infer/s on the serving graph at batch %d)%n%n",
                r.batch(), r.inferBatch());

        out.printf("ensemble       %.1f slices/s through all %d models (batch %d), %.0f%% of roof%n",
                r.ensembleSlicesPerSec(), r.models().size(), r.inferBatch(), 100 * r.ensembleRoofRatio());
        out.printf("scan latency   %.0f ms for %d slices through all %d models%n", r.scanLatencyMs(), r.scanSlices(), r.models().size());
        out.printf("decode+resize  %.0f img/s on 1 thread, %.0f img/s parallel (%d threads); %d slices of %s%n",
                r.decodeSingleThreadImagesPerSec(), r.decodeImagesPerSec(), r.decodeThreads(), r.decodeImages(), r.decodeData());
        out.printf("peak memory    %s%n%n", r.peakRssMb() == null ? "not reported by this OS"
                : String.format("%.0f MB resident (VmHWM, includes the JVM)", r.peakRssMb()));

        out.printf("targets (issue 4; for %dx%d batch %d on an idle machine%s)%n", BenchSettings.DEFAULT_SIZE,
                BenchSettings.DEFAULT_SIZE, BenchSettings.DEFAULT_BATCH,
                r.quick() || r.size() != BenchSettings.DEFAULT_SIZE ? "; not comparable with this run's settings" : "");
        for (Targets.Check c : Targets.check(r)) {
            out.printf("  %-36s %-10s %-10s %s%n", c.what(), c.goal(), c.measured(), c.met() ? "met" : "NOT MET");
        }
        out.printf("  %-36s %-10s %-10s %s%n", "full reproduction", "≤ " + Targets.REPRODUCTION_MINUTES + " min", "-",
                "not measured here: time ./ichnet reproduce");
    }
}
