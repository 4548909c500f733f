package org.ichnet.model;

/** Parameter count and multiply-accumulate FLOPs of a spec at a given input, computed from the architecture. */
public record ModelCost(long parameters, long forwardFlops) {

    /** Training ≈ forward + backward (input and weight gradients, each about one forward). */
    public long trainFlops() {
        return 3 * forwardFlops;
    }

    public static ModelCost of(ModelSpec spec, int size, int channels) {
        long params = 0, macs = 0;
        int side = size, in = channels;
        for (ConvBlock b : spec.blocks()) {
            for (int i = 0; i < b.convs(); i++) {
                params += 9L * in * b.filters() + (spec.batchNorm() ? 2L * b.filters() /* gamma, beta; no bias */ : b.filters());
                macs += (long) side * side * 9L * in * b.filters();
                in = b.filters();
            }
            side /= 2;
        }
        int features = spec.head().concatMaxPool() ? 2 * in : in;
        int hidden = spec.head().hiddenUnits();
        params += (long) features * hidden + hidden + (long) hidden * 4 + 4;
        macs += (long) features * hidden + hidden * 4L;
        return new ModelCost(params, 2 * macs);
    }
}
