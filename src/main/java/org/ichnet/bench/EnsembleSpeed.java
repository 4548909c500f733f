package org.ichnet.bench;

import org.ichnet.model.ProbabilityModel;

import java.util.List;

/** The ensemble's cost: every model predicts the same batch, one after the other (as prediction does). */
public final class EnsembleSpeed {

    private EnsembleSpeed() {
    }

    /** Slices per second through all models at {@code batch}. */
    public static double slicesPerSec(List<? extends ProbabilityModel> models, SyntheticBatch data, int batch, Repeats repeats) {
        data.requireAtLeast(batch);
        return repeats.medianRate(batch, () -> predictAll(models, data, batch));
    }

    /** Milliseconds for one scan of {@code slices} slices through all models as one batch (median of repeats). */
    public static double scanLatencyMs(List<? extends ProbabilityModel> models, SyntheticBatch data, int slices, Repeats repeats) {
        data.requireAtLeast(slices);
        return 1000 * Stats.median(repeats.secondsPerCall(() -> predictAll(models, data, slices)));
    }

    private static void predictAll(List<? extends ProbabilityModel> models, SyntheticBatch data, int count) {
        for (ProbabilityModel m : models) m.predict(data.images(), count);
    }
}
