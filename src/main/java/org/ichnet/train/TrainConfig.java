package org.ichnet.train;

import org.ichnet.model.Regularisation;
import org.ichnet.preprocess.AugmentOptions;

/** Everything that decides how one CNN is trained; written to the run folder's config.json. */
public record TrainConfig(int epochs, int batchSize, float learningRate, int warmupEpochs, boolean cosineDecay,
                          int patience, SelectionMetric selection, ClassWeighting weighting,
                          AugmentOptions augment, long seed, boolean bf16, Regularisation regularisation) {

    public TrainConfig {
        // config.json files written before regularisation existed trained without it
        if (regularisation == null) regularisation = Regularisation.NONE;
    }

    public TrainConfig(int epochs, int batchSize, float learningRate, int warmupEpochs, boolean cosineDecay,
                       int patience, SelectionMetric selection, ClassWeighting weighting,
                       AugmentOptions augment, long seed, boolean bf16) {
        this(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection, weighting, augment,
                seed, bf16, Regularisation.NONE);
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(n, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, seed, bf16, regularisation);
    }

    public TrainConfig withPatience(int n) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, n, selection,
                weighting, augment, seed, bf16, regularisation);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, s, bf16, regularisation);
    }

    public TrainConfig withAugment(AugmentOptions a) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, a, seed, bf16, regularisation);
    }

    public TrainConfig withRegularisation(Regularisation r) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, seed, bf16, r);
    }

    public TrainConfig withWeighting(ClassWeighting w) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                w, augment, seed, bf16, regularisation);
    }
}
