package org.ichnet.model;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How TensorFlow runs on this CPU. {@code bf16} applies oneDNN's automatic mixed precision to the
 * unchanged fp32 graph (weights and the saved model stay fp32); measured ~1.75x on AVX512_BF16.
 *
 * <p>TensorFlow makes its intra-op and inter-op thread pools once per process, with the first session's counts;
 * later sessions run on them whatever their own counts say.
 */
public record RuntimeOptions(boolean bf16, int intraOpThreads, int interOpThreads) {

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(false, Runtime.getRuntime().availableProcessors(), 1);
    }

    public RuntimeOptions withBf16(boolean on) {
        return new RuntimeOptions(on, intraOpThreads, interOpThreads);
    }

    /**
     * At most {@code threads} threads in each pool: {@code threads} intra-op, and the inter-op count if smaller.
     *
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    public RuntimeOptions withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("TensorFlow threads must be at least 1, got " + threads);
        }
        return new RuntimeOptions(bf16, threads, Math.min(interOpThreads, threads));
    }

    ConfigProto toConfigProto() {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads);
        if (bf16) {
            config.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(
                    RewriterConfig.newBuilder().setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON)));
        }
        return config.build();
    }
}
