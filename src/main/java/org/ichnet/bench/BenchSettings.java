package org.ichnet.bench;

import org.ichnet.model.PaperModels.Variant;
import org.ichnet.model.RuntimeOptions;

import java.nio.file.Path;

/**
 * What one benchmark run measures and how long it spends on it.
 *
 * @param size           image side of the synthetic model input (training uses 256)
 * @param batch          training batch (training uses 16)
 * @param inferBatch     inference batch for per-model and ensemble throughput
 * @param scanSlices     slices of one scan for the latency figure (one batch through all three models)
 * @param roofSize       side of the square fp32 matrices of the roof multiply
 * @param roofRepeats    warm-up, repeats and multiplies per repeat of the roof
 * @param modelRepeats   warm-up, repeats and steps per repeat of each model's training and inference
 * @param scanRepeats    warm-up, repeats and scans per repeat of the scan latency
 * @param decodeImages   CT slices decoded per repeat (spread evenly over the data set)
 * @param decodeRepeats  timed decode repeats
 * @param dataDir        the CT data whose images are decoded
 */
public record BenchSettings(int size, int batch, int inferBatch, int scanSlices, Variant variant, RuntimeOptions runtime,
                            int roofSize, Repeats roofRepeats, Repeats modelRepeats, Repeats scanRepeats,
                            int decodeImages, int decodeRepeats, Path dataDir, boolean quick) {

    public static final int DEFAULT_SIZE = 256;
    public static final int DEFAULT_BATCH = 16;
    public static final int QUICK_SIZE = 64;

    /**
     * The standard run (256x256, batch 16, 4096 roof, about a minute or two on two idle cores) or the
     * {@code quick} one (64x64, 1024 roof, fewer repeats: seconds, for tests and CI). {@code size} and
     * {@code batch} override the defaults when not null; {@code bf16} selects oneDNN mixed precision.
     */
    public static BenchSettings of(boolean quick, Integer size, Integer batch, Variant variant, boolean bf16, Path dataDir) {
        RuntimeOptions runtime = RuntimeOptions.defaults().withBf16(bf16);
        int side = size != null ? size : quick ? QUICK_SIZE
                : org.ichnet.reproduce.ExperimentSettings.of(org.ichnet.reproduce.ExperimentSettings.PATIENT, variant).imageSize();
        int b = batch != null ? batch : DEFAULT_BATCH;
        if (b < 1) throw new IllegalArgumentException("batch must be ≥ 1, got " + b);
        if (quick) {
            int roof = 1024;
            return new BenchSettings(side, b, 32, 30, variant, runtime, roof, new Repeats(2, 3, multipliesFor(roof)),
                    new Repeats(1, 3, 2), new Repeats(1, 3, 1), 24, 3, dataDir, true);
        }
        int roof = 4096;
        return new BenchSettings(side, b, 32, 30, variant, runtime, roof, new Repeats(2, 5, multipliesFor(roof)),
                new Repeats(3, 5, 5), new Repeats(2, 7, 1), 240, 3, dataDir, false);
    }

    /** Enough multiplies per repeat for ~40 GFLOP (about 0.1 s on the reference machine), at least one. */
    static int multipliesFor(int n) {
        return (int) Math.max(1, Math.round(4e10 / (2.0 * n * n * n)));
    }

    public String precision() {
        return runtime.bf16() ? "bf16" : "fp32";
    }
}
