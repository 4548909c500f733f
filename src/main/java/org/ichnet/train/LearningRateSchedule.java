package org.ichnet.train;

/** Linear warm-up over the first {@code warmupSteps}, then constant or cosine decay to 5% of the peak. */
public record LearningRateSchedule(float peak, long warmupSteps, long totalSteps, boolean cosine) {

    public float at(long step) {
        if (warmupSteps > 0 && step < warmupSteps) return peak * (step + 1) / warmupSteps;
        if (!cosine || totalSteps <= warmupSteps) return peak;
        double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
        double floor = 0.05;
        return (float) (peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress))));
    }
}
