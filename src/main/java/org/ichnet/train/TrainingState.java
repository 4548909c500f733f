package org.ichnet.train;

import org.ichnet.evaluate.EpochRecord;

import java.util.List;

/** What {@code --resume} needs besides the checkpoint: where training stopped and the best epoch so far. */
public record TrainingState(int epochsDone, int bestEpoch, double bestScore, int epochsWithoutImprovement,
                            boolean finished, List<EpochRecord> history) {
}
