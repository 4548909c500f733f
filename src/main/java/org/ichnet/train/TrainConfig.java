package org.ichnet.train;

import org.ichnet.model.Regularisation;
import org.ichnet.preprocess.AugmentOptions;

/**
 * Everything that decides how one CNN is trained; written to the run folder's config.json.
 *
 * @param focalGamma the focal loss's focusing exponent (Lin et al. 2017): each slice's cross-entropy is scaled by
 *                   (1 - p of its class)^gamma, so slices the CNN already gets right count less; 0 is plain
 *                   cross-entropy (and what config.json files without the field trained with)
 */
public record TrainConfig(int epochs, int batchSize, float learningRate, int warmupEpochs, boolean cosineDecay,
                          int patience, SelectionMetric selection, ClassWeighting weighting,
                          AugmentOptions augment, long seed, boolean bf16, Regularisation regularisation,
                          double focalGamma) {

    public TrainConfig {
        if (!(focalGamma >= 0 && focalGamma <= 10)) {
            throw new IllegalArgumentException("focal loss gamma must be between 0 and 10, not " + focalGamma);
        }
        // config.json files written before regularisation existed trained without it
        if (regularisation == null) regularisation = Regularisation.NONE;
    }

    public TrainConfig(int epochs, int batchSize, float learningRate, int warmupEpochs, boolean cosineDecay,
                       int patience, SelectionMetric selection, ClassWeighting weighting,
                       AugmentOptions augment, long seed, boolean bf16) {
        this(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection, weighting, augment,
                seed, bf16, Regularisation.NONE, 0);
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(n, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, seed, bf16, regularisation, focalGamma);
    }

    public TrainConfig withPatience(int n) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, n, selection,
                weighting, augment, seed, bf16, regularisation, focalGamma);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, s, bf16, regularisation, focalGamma);
    }

    public TrainConfig withAugment(AugmentOptions a) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, a, seed, bf16, regularisation, focalGamma);
    }

    public TrainConfig withRegularisation(Regularisation r) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, seed, bf16, r, focalGamma);
    }

    public TrainConfig withWeighting(ClassWeighting w) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                w, augment, seed, bf16, regularisation, focalGamma);
    }

    public TrainConfig withFocalGamma(double gamma) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupEpochs, cosineDecay, patience, selection,
                weighting, augment, seed, bf16, regularisation, gamma);
    }
}
