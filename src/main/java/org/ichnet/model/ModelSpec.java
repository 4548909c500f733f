package org.ichnet.model;

import java.util.List;

/**
 * What one CNN is, independent of TensorFlow: its blocks and head. {@code batchNorm} adds
 * batch normalisation after every convolution (improved variant only); {@code spatialDropout}
 * drops whole feature-map channels instead of single activations (Keras' Dropout).
 */
public record ModelSpec(String name, List<ConvBlock> blocks, Head head, boolean batchNorm, boolean spatialDropout) {

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
        return convLayers() + " conv + " + poolLayers() + " max-pool + " + dropoutLayers() + " dropout";
    }
}
