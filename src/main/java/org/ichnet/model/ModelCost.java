package org.ichnet.model;

/**
 * Parameter count and multiply-accumulate FLOPs of a spec at a given input, computed from the
 * architecture. {@code frozenForwardFlops}: the part of the forward pass below a pretrained
 * backbone's first fine-tuned layer, which needs no backward pass.
 */
public record ModelCost(long parameters, long forwardFlops, long frozenForwardFlops) {

    public ModelCost(long parameters, long forwardFlops) {
        this(parameters, forwardFlops, 0);
    }

    /** Training ≈ forward + backward (input and weight gradients, each about one forward) of the trained part. */
    public long trainFlops() {
        return 3 * forwardFlops - 2 * frozenForwardFlops;
    }

    public static ModelCost of(ModelSpec spec, int size, int channels) {
        if (spec.pretrained()) return pretrained(spec, size);
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
        params += spec.head().parameters(features);
        macs += spec.head().multiplyAccumulates(features);
        return new ModelCost(params, 2 * macs);
    }

    /** A backbone's released weights (batch-norm statistics excluded) and convolutions at this input side, plus the head. */
    private static ModelCost pretrained(ModelSpec spec, int size) {
        TfjsModel model = VendoredWeights.load(spec.backbone().weights());
        long[] walked = BackboneShapes.walk(model, spec.backbone().featureTap(), spec.fineTuning().trainFrom(), size);
        long params = walked[0], macs = walked[1];
        int in = (int) walked[2];
        int features = spec.head().concatMaxPool() ? 2 * in : in;
        params += spec.head().parameters(features);
        macs += spec.head().multiplyAccumulates(features);
        return new ModelCost(params, 2 * macs, 2 * walked[3]);
    }
}
