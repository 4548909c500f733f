package org.ichnet.model;

import java.util.List;

/**
 * What one CNN is, independent of TensorFlow: its blocks and head. {@code batchNorm} adds
 * batch normalisation after every convolution (improved variant only); {@code spatialDropout}
 * drops whole feature-map channels instead of single activations (Keras' Dropout). With a
 * {@code backbone} the blocks are empty: the pretrained network, fine-tuned as {@code fineTuning}
 * says, feeds the head instead.
 */
public record ModelSpec(String name, List<ConvBlock> blocks, Head head, boolean batchNorm, boolean spatialDropout,
                        BackboneSpec backbone, FineTuning fineTuning) {

    public ModelSpec {
        if ((backbone == null) == blocks.isEmpty()) {
            throw new IllegalArgumentException(name + ": a model has either convolution blocks or a pretrained backbone");
        }
        if (backbone != null && fineTuning == null) fineTuning = new FineTuning(backbone.trainFrom(), 1);
    }

    /** A CNN trained from scratch. */
    public ModelSpec(String name, List<ConvBlock> blocks, Head head, boolean batchNorm, boolean spatialDropout) {
        this(name, blocks, head, batchNorm, spatialDropout, null, null);
    }

    /** A pretrained backbone under the head. */
    public static ModelSpec pretrained(String name, BackboneSpec backbone, Head head, FineTuning fineTuning) {
        return new ModelSpec(name, List.of(), head, false, false, backbone, fineTuning);
    }

    public boolean pretrained() {
        return backbone != null;
    }

    public int convLayers() {
        return blocks.stream().mapToInt(ConvBlock::convs).sum();
    }

    public int poolLayers() {
        return blocks.size();
    }

    public int dropoutLayers() {
        return (int) blocks.stream().filter(b -> b.dropout() > 0).count();
    }

    public int lastFilters() {
        return blocks.get(blocks.size() - 1).filters();
    }

    public String layerSummary() {
        if (pretrained() && fineTuning.frozenBackbone()) return backbone.network() + ", frozen, " + (head.linear()
                ? "logistic regression on its pooled features" : "trained head");
        if (pretrained()) return backbone.network() + ", fine-tuned from " + (fineTuning.trainFrom().isEmpty()
                ? "its first layer" : fineTuning.trainFrom());
        return convLayers() + " conv + " + poolLayers() + " max-pool + " + dropoutLayers() + " dropout";
    }
}
