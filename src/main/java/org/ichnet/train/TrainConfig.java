package org.ichnet.train;

import org.ichnet.preprocess.AugmentOptions;

/** Everything that decides how one CNN is trained; written to the run folder's config.json. */
public record TrainConfig(int epochs, int batchSize, float learningRate, int warmupEpochs, boolean cosineDecay,
                          int patience, SelectionMetric selection, ClassWeighting weighting,
                          AugmentOptions augment, long seed, boolean bf16) {

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(n, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, seed, bf16);
    }

    public TrainConfig withPatience(int n) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, n, selection,
                weighting, augment, seed, bf16);
    }

    public TrainConfig withAugment(AugmentOptions a) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, a, seed, bf16);
    }
}
