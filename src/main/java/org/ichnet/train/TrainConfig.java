package org.ichnet.train;

import org.ichnet.preprocess.AugmentOptions;

/** Everything that decides how one CNN is trained; written to the run folder's config.json. */
public record TrainConfig(int epochs, int batchSize, float learningRate, int warmupEpochs, boolean cosineDecay,
                          int patience, SelectionMetric selection, ClassWeighting weighting,
                          AugmentOptions augment, long seed, boolean bf16) {

    /** The paper's recipe as far as it is stated (Adam, balanced class weights), the rest our defaults. */
    public static TrainConfig paper(int epochs) {
        return new TrainConfig(epochs, 16, 1e-3f, 0, false, 5, SelectionMetric.MACRO_F1,
                ClassWeighting.BALANCED, AugmentOptions.defaults(), 42, true);
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(n, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, seed, bf16);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, s, bf16);
    }
}
