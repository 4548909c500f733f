package org.ichnet.train;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.evaluate.EpochRecord;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.io.AtomicFiles;
import org.ichnet.model.InputShape;
import org.ichnet.model.ModelSpec;
import org.ichnet.model.ProbabilityModel;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.model.TrainableCnn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains one CNN: epochs of shuffled, augmented, class-weighted batches; validation after each
 * epoch; the best epoch kept by the selection metric; early stopping; a checkpoint and state file
 * after every epoch so {@code resume} continues a killed run exactly where it stopped.
 */
public final class Trainer {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String STATE_FILE = "state.json";

    private final TrainConfig config;
    private final RuntimeOptions runtime;
    private final boolean progress;

    public Trainer(TrainConfig config, RuntimeOptions runtime, boolean progress) {
        this.config = config;
        this.runtime = runtime.withBf16(config.bf16());
        this.progress = progress;
    }

    /**
     * Trains {@code spec} and exports its best epoch as a SavedModel to {@code exportDir}; working
     * files (checkpoints, state, history) live in {@code workDir}.
     */
    public TrainResult train(ModelSpec spec, InputShape input, LabelledImages train, LabelledImages val,
                             Path workDir, Path exportDir, boolean resume) {
        Path last = TrainableCnn.recoverCheckpoint(workDir.resolve("last")), best = workDir.resolve("best");
        // the state lives inside the checkpoint folder, so weights and bookkeeping are replaced together
        // (runs from before that kept it only beside the folder)
        Path stateFile = Files.exists(last.resolve(STATE_FILE)) ? last.resolve(STATE_FILE) : workDir.resolve(STATE_FILE);
        boolean resuming = resume && Files.exists(stateFile) && TrainableCnn.hasCheckpoint(last);
        TrainingState state = resuming
                ? readState(stateFile)
                : new TrainingState(0, 0, Double.NEGATIVE_INFINITY, 0, false, List.of());
        if (!resuming) {
            deleteQuietly(last);
            deleteQuietly(best); // a best epoch left by an earlier attempt must not be exported
        }
        float[] classWeights = config.weighting().weights(classCounts(train));
        try (TrainableCnn cnn = new TrainableCnn(spec, input, config.seed(), runtime, config.regularisation(),
                config.focalGamma());
             BatchFeeder feeder = new BatchFeeder(train, input.size(), input.channels(), config.batchSize(),
                     classWeights, config.augment(), config.weighting())) {
            if (state.epochsDone() > 0) {
                cnn.restoreCheckpoint(last);
                log("%s: resuming after epoch %d (best so far: epoch %d)%n", spec.name(), state.epochsDone(), state.bestEpoch());
            }
            int batches = feeder.batchesPerEpoch();
            LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(),
                    (long) config.warmupEpochs() * batches, (long) config.epochs() * batches, config.cosineDecay());
            List<EpochRecord> history = new ArrayList<>(state.history());
            int epoch = state.epochsDone();
            while (!state.finished() && epoch < config.epochs()) {
                epoch++;
                EpochRecord record = runEpoch(cnn, feeder, schedule, train, val, classWeights, spec.name(), epoch, batches);
                history.add(record);
                double score = config.selection().score(record);
                boolean improved = !Double.isNaN(score) && score > state.bestScore();
                if (improved) cnn.saveCheckpoint(best);
                int stale = improved ? 0 : state.epochsWithoutImprovement() + 1;
                boolean stop = stale >= config.patience() || epoch == config.epochs();
                state = new TrainingState(epoch, improved ? epoch : state.bestEpoch(),
                        improved ? score : state.bestScore(), stale, stop, List.copyOf(history));
                TrainingState saved = state;
                cnn.saveCheckpoint(last, folder -> writeState(folder.resolve(STATE_FILE), saved));
                writeState(workDir.resolve(STATE_FILE), state); // a copy beside, for people and `evaluate`
                if (stop && epoch < config.epochs()) {
                    log("%s: early stop after epoch %d (no %s gain for %d epochs)%n", spec.name(), epoch,
                            config.selection(), stale);
                }
            }
            if (!TrainableCnn.hasCheckpoint(best)) cnn.saveCheckpoint(best);
            cnn.restoreCheckpoint(best);
            cnn.exportSavedModel(exportDir);
            // summed over epochs so a resumed run reports its training time, not the pause
            double seconds = state.history().stream().mapToDouble(EpochRecord::seconds).sum();
            return new TrainResult(spec.name(), state.bestEpoch(), state.bestScore(), seconds, cnn.parameterCount(),
                    state.history());
        }
    }

    /** The finished training of a model as its state file records it (for commands that only evaluate). */
    public static TrainResult readResult(String model, long parameters, Path workDir) {
        Path stateFile = workDir.resolve("state.json");
        if (!Files.isRegularFile(stateFile)) {
            throw new org.ichnet.data.DataException(stateFile, model + " has not been trained in this run (run ichnet train)");
        }
        TrainingState state = readState(stateFile);
        double seconds = state.history().stream().mapToDouble(EpochRecord::seconds).sum();
        return new TrainResult(model, state.bestEpoch(), state.bestScore(), seconds, parameters, state.history());
    }

    private EpochRecord runEpoch(TrainableCnn cnn, BatchFeeder feeder, LearningRateSchedule schedule,
                                 LabelledImages train, LabelledImages val, float[] classWeights,
                                 String name, int epoch, int batches) {
        long epochStart = System.nanoTime();
        double[] lossSum = {0};
        long[] seen = {0}, correct = {0};
        long firstStep = (long) (epoch - 1) * batches;
        long[] step = {firstStep};
        float[] lr = {schedule.at(firstStep)};
        try (ProgressBar bar = progressBar(name + " epoch " + epoch + "/" + config.epochs(), batches)) {
            feeder.forEachBatch(config.seed(), epoch, batch -> {
                lr[0] = schedule.at(step[0]);
                float loss = cnn.trainStep(batch.images(), batch.labels(), batch.weights(), batch.count(), step[0], lr[0]);
                if (!Float.isFinite(loss)) {
                    throw new IllegalStateException(name + " diverged at step " + step[0] + " (loss " + loss
                            + "); lower the learning rate");
                }
                step[0]++;
                lossSum[0] += loss * batch.count();
                seen[0] += batch.count();
                if (bar != null) {
                    double secs = (System.nanoTime() - epochStart) / 1e9;
                    bar.step();
                    bar.setExtraMessage(String.format(" loss %.3f  %.1f img/s", lossSum[0] / seen[0], seen[0] / secs));
                }
            });
        }
        double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
        int[] valTruth = labels(val);
        float[][] valProbs = cnn.predictAll(val, ProbabilityModel.PREDICT_BATCH);
        ModelMetrics m = Metrics.compute(valTruth, valProbs);
        double valLoss = weightedCrossEntropy(valTruth, valProbs, classWeights, config.focalGamma());
        EpochRecord r = new EpochRecord(epoch, lr[0], lossSum[0] / seen[0], valLoss, m.accuracy(),
                m.macroF1(), m.anyHemorrhageAuc(), seen[0] / trainSeconds, (System.nanoTime() - epochStart) / 1e9);
        log("%s epoch %d/%d: loss %.4f | val loss %.4f acc %.3f macro-F1 %.3f AUC %.3f | %.1f img/s, %.0f s%n",
                name, epoch, config.epochs(), r.trainLoss(), valLoss, m.accuracy(), m.macroF1(),
                m.anyHemorrhageAuc(), r.imagesPerSecond(), r.seconds());
        return r;
    }

    /** With {@code focalGamma} > 0 the focal loss, as training minimises it, so the two curves compare. */
    static double weightedCrossEntropy(int[] truth, float[][] probs, float[] classWeights, double focalGamma) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double p = probs[i][truth[i]];
            double focus = focalGamma > 0 ? Math.pow(Math.max(1 - p, 1e-6), focalGamma) : 1;
            sum += classWeights[truth[i]] * focus * -Math.log(Math.max(p, 1e-7f));
        }
        return truth.length == 0 ? Double.NaN : sum / truth.length;
    }

    private ProgressBar progressBar(String task, int max) {
        if (!progress) return null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate().build();
    }

    static int[] classCounts(LabelledImages data) {
        int[] counts = new int[HemorrhageClass.COUNT];
        for (int i = 0; i < data.count(); i++) counts[data.label(i)]++;
        return counts;
    }

    static int[] labels(LabelledImages data) {
        int[] y = new int[data.count()];
        for (int i = 0; i < y.length; i++) y[i] = data.label(i);
        return y;
    }

    private static void log(String format, Object... args) {
        System.err.printf(format, args);
    }

    private static void deleteQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    private static TrainingState readState(Path file) {
        try {
            return JSON.readValue(file.toFile(), TrainingState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable training state (" + e.getMessage() + ")", e);
        }
    }

    private static void writeState(Path file, TrainingState state) {
        AtomicFiles.write(file, out -> JSON.writeValue(out, state));
    }
}
