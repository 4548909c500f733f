package org.ichnet.train;

import org.ichnet.evaluate.EpochRecord;

import java.util.List;

/** The outcome of training one CNN: its best validation epoch and the per-epoch history. */
public record TrainResult(String model, int bestEpoch, double bestScore, double seconds, long parameters,
                          List<EpochRecord> history) {
}
