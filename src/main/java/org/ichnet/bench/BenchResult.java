package org.ichnet.bench;

import org.ichnet.model.ModelCost;

import java.util.Map;

/**
 * Everything one {@code ichnet bench} run measured, as written by {@code --json}. Rates are medians of
 * timed repeats after warm-up. A roof ratio is achieved GFLOP/s (architecture FLOPs from
 * {@link ModelCost}, whatever the precision) over the fp32 matmul roof, so bf16 can exceed 1.
 *
 * @param peakRssMb VmHWM in MiB, JVM included; null where the OS does not report it
 */
public record BenchResult(String date, String machine, int threads, String precision, String variant,
                          int size, int batch, int inferBatch, int scanSlices, boolean quick,
                          int roofMatrixSize, double roofGflops,
                          Map<String, ModelResult> models,
                          double ensembleSlicesPerSec, double ensembleRoofRatio, double scanLatencyMs,
                          double decodeImagesPerSec, double decodeSingleThreadImagesPerSec, int decodeThreads,
                          int decodeImages, String decodeData,
                          Double peakRssMb) {

    /**
     * One model. FLOPs are per image: forward from the architecture, training ≈ 3x forward (forward,
     * input gradients, weight gradients). Inference ran on the exported serving graph.
     */
    public record ModelResult(long parameters, long flopsPerImageForward, long flopsPerImageTrain,
                              double trainImagesPerSec, double trainGflops, double trainRoofRatio,
                              double inferImagesPerSec, double inferGflops, double inferRoofRatio) {

        public static ModelResult of(ModelCost cost, double trainImagesPerSec, double inferImagesPerSec, double roofGflops) {
            double train = trainImagesPerSec * cost.trainFlops() / 1e9;
            double infer = inferImagesPerSec * cost.forwardFlops() / 1e9;
            return new ModelResult(cost.parameters(), cost.forwardFlops(), cost.trainFlops(),
                    trainImagesPerSec, train, train / roofGflops, inferImagesPerSec, infer, infer / roofGflops);
        }
    }
}
