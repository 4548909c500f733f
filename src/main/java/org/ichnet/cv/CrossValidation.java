package org.ichnet.cv;

import org.ichnet.data.CtDataset;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.evaluate.Predictions;
import org.ichnet.evaluate.PredictionsCsv;
import org.ichnet.preprocess.LoadedImages;
import org.ichnet.preprocess.PreprocessOptions;
import org.ichnet.report.HtmlReport;
import org.ichnet.report.MetricsJson;
import org.ichnet.report.RunSummary;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.reproduce.RunEvaluation;
import org.ichnet.reproduce.RunConfig;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.reproduce.RunSetup;
import org.ichnet.reproduce.EnsembleFiles;
import org.ichnet.reproduce.SplitRun;
import org.ichnet.data.SliceLevels;
import org.ichnet.evaluate.Bootstrap;
import org.ichnet.reproduce.ValidationFits;
import org.ichnet.split.Fold;
import org.ichnet.split.Split;
import org.ichnet.split.SplitCsv;
import org.ichnet.split.Splits;
import org.ichnet.train.TrainResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * k-fold cross-validation grouped by patient: every patient is tested exactly once, by models that
 * never saw any of its slices; each fold's validation patients (early stopping, ensemble weights)
 * come from that fold's training patients. Out-of-fold predictions are pooled and evaluated like a
 * reproduction, with bootstrap CIs over patients and the spread across folds. With
 * {@link FoldScheme#LEAVE_SOURCE_OUT} each fold is one source, tested by models trained on the others.
 */
public final class CrossValidation {
    private final PrintStream log;
    private final boolean progress;
    private final FoldScheme scheme;
    private LoadedImages decoded;
    private PreprocessOptions decodedWith;
    private CtDataset decodedFrom;

    private final boolean strict;

    public CrossValidation(PrintStream log, boolean progress) {
        this(log, progress, false, FoldScheme.PATIENT);
    }

    /** {@code strict}: the data set's first problem is fatal instead of a warning and a left-out slice. */
    public CrossValidation(PrintStream log, boolean progress, boolean strict) {
        this(log, progress, strict, FoldScheme.PATIENT);
    }

    public CrossValidation(PrintStream log, boolean progress, boolean strict, FoldScheme scheme) {
        this.log = log;
        this.progress = progress;
        this.strict = strict;
        this.scheme = scheme;
    }

    public RunSummary run(Path dataDir, Path cvDir, ExperimentSettings settings, int k) {
        return run(List.of(dataDir), cvDir, settings, k);
    }

    public RunSummary run(List<Path> dataDirs, Path cvDir, ExperimentSettings settings, int k) {
        CtDataset dataset = RunSetup.readDataset(dataDirs, settings, log, strict);
        List<FoldResult> results = folds(dataset, dataDirs, cvDir, settings, k);
        return summarise(dataset, cvDir, settings, results, "", List.of(), Map.of());
    }

    /** Trains and tests every fold not finished earlier; each fold's results are on disk when it returns. */
    List<FoldResult> folds(CtDataset dataset, List<Path> dataDirs, Path cvDir, ExperimentSettings settings, int k) {
        guardSettings(cvDir, dataDirs, settings, scheme);
        List<Fold> folds = scheme.folds(dataset, k, settings.splitSeed());
        k = folds.size();
        List<FoldResult> results = new ArrayList<>();
        for (Fold fold : folds) {
            int index = fold.index() + 1; // folders and logs count from 1
            Split split = Splits.keepTrainingShare(Splits.foldSplit(dataset, fold, settings.valFraction(),
                    settings.splitSeed()), dataset, settings.trainingShare(), settings.splitSeed());
            Path dir = FoldFiles.dir(cvDir, index);
            requireSameSplit(dir, split, dataset, index, k);
            Optional<FoldResult> done = FoldFiles.read(cvDir, index);
            if (done.isPresent()) {
                // the ensembles are derived again from the fold's saved validation predictions (seconds), so a fold
                // combined under other ensemble weights — re-weighting, or one interrupted halfway — follows config.json
                FoldResult r = SeedAverage.recombine(done.get(), settings.grid(), settings.criterion());
                boolean changed = !Arrays.equals(r.averageWeights(), done.get().averageWeights())
                        || !Arrays.equals(r.sumWeights(), done.get().sumWeights());
                if (changed) FoldFiles.write(cvDir, r);
                log.printf("fold %d/%d: done earlier, read from %s%s%n", index, k, dir,
                        changed ? "; ensembles re-combined: " + settings.grid().describe() : "");
                results.add(changed ? r : done.get());
                continue;
            }
            LoadedImages images = decoded(dataset, settings);
            SplitCsv.write(RunFolder.split(dir), split, dataset);
            log.printf("fold %d/%d: %d test patients, %s%n", index, k, fold.testPatients().size(), split.counts());
            SplitRun.Outcome o = new SplitRun(images.images(), images.slices(), split, settings, dir).run(true, progress);
            FoldResult r = new FoldResult(index, o.test(), o.validation(), o.weightedAverage().weights(),
                    o.weightedSum().weights(), o.training().stream().mapToDouble(TrainResult::seconds).sum());
            FoldFiles.write(cvDir, r);
            // each fold's models/ is a model folder: `ichnet test --model fold-N/models` scores it on other data
            EnsembleFiles.writeManifest(RunFolder.models(dir), settings,
                    new SplitRun.Weights(o.validation(), o.weightedSum(), o.weightedAverage()), o.training(), dataDirs);
            results.add(r);
            ModelMetrics m = Metrics.compute(r.test().truth(), r.test().of("weightedAverage"));
            log.printf("fold %d/%d: weightedAverage accuracy %.3f macro-F1 %.3f AUC %.3f%n", index, k,
                    m.accuracy(), m.macroF1(), m.anyHemorrhageAuc());
        }
        return results;
    }

    /** The split.csv of every fold a cross-validation folder holds, in fold order (none for another folder). */
    public static List<Path> foldSplitFiles(Path cvDir) {
        return FoldFiles.dirs(cvDir).stream().map(RunFolder::split).filter(java.nio.file.Files::isRegularFile).toList();
    }

    /** Decodes the data set once per input shape: the folds, and the seeds of a seed ensemble, share it. */
    private LoadedImages decoded(CtDataset dataset, ExperimentSettings settings) {
        PreprocessOptions options = new PreprocessOptions(settings.imageSize(), settings.channels(), settings.framing());
        if (!options.equals(decodedWith) || decodedFrom != dataset) {
            decoded = RunSetup.decode(dataset, options, log, progress, strict);
            decodedWith = options;
            decodedFrom = dataset;
        }
        return decoded;
    }

    /**
     * Pools the folds' out-of-fold predictions and writes predictions.csv, metrics.json, folds.json and
     * report.html. {@code titleSuffix}, {@code leadNotes} and {@code settingOverrides} let a seed ensemble
     * say what it pooled.
     */
    RunSummary summarise(CtDataset dataset, Path cvDir, ExperimentSettings settings, List<FoldResult> results,
                         String titleSuffix, List<String> leadNotes, Map<String, String> settingOverrides) {
        int k = results.size();
        boolean bySource = scheme == FoldScheme.LEAVE_SOURCE_OUT;
        Predictions pooledTest = OutOfFold.pool(results.stream().map(FoldResult::test).toList());
        // validation patients recur across folds: fit operating points and temperatures fold by fold
        ValidationFits fits = ValidationFits.pooled(results.stream().map(FoldResult::validation).toList(),
                results.stream().map(FoldResult::test).toList());
        PredictionsCsv.write(RunFolder.predictions(cvDir), pooledTest);

        List<String> notes = new ArrayList<>(leadNotes);
        notes.add((bySource ? "leave-source-out cross-validation: each source tested once, by models trained on the "
                + "other source(s) (their validation patients from those sources too)"
                : k + "-fold cross-validation grouped by patient: every patient tested once")
                + "; metrics pool the out-of-fold predictions of all " + pooledTest.size() + " slices.");
        notes.addAll(FoldSpread.describe(results));
        for (FoldResult r : results) {
            notes.add(String.format("fold %d weights (%s): average %s, vote %s", r.fold(),
                    settings.grid().equalOnly() ? "equal, not searched" : "searched on its validation patients",
                    Arrays.toString(r.averageWeights()), Arrays.toString(r.sumWeights())));
        }
        double seconds = results.stream().mapToDouble(FoldResult::trainingSeconds).sum();
        // counts in the report are of the slices the folds predicted, not of files that failed to decode
        Set<String> predicted = new HashSet<>(pooledTest.sliceIds());
        CtDataset used = dataset.keeping(dataset.slices().stream().filter(s -> predicted.contains(s.id())).toList());
        notes.add(String.format("training time over all folds: %.1f min", seconds / 60));
        notes.add(LevelOnlyBaseline.of(results, SliceLevels.byId(used.slices()),
                new Bootstrap(settings.bootstrapReps(), Bootstrap.DEFAULT_SEED)).describe());
        RunSummary summary = RunEvaluation.summarise("ichnet " + (bySource ? "leave-source-out"
                        : k + "-fold patient-level") + " cross-validation ("
                        + settings.variant().name().toLowerCase() + " variant" + titleSuffix + ")", used,
                cvSplitSummary(used), settings, fits, pooledTest, new RunEvaluation.EnsembleSummaryInput(null, null),
                List.of(), notes);
        if (!settingOverrides.isEmpty()) summary = summary.withSettings(settingOverrides);
        MetricsJson.write(RunFolder.metrics(cvDir), summary);
        FoldSpread.writeJson(cvDir.resolve("folds.json"), results);
        HtmlReport.write(cvDir, summary);
        return summary;
    }

    /**
     * A fold started earlier (finished or not: its trained CNNs are reused) must have this fold's split;
     * another --folds, data folder or split seed would train on patients it then tests.
     */
    private static void requireSameSplit(Path foldDir, Split split, CtDataset dataset, int index, int k) {
        Path file = RunFolder.split(foldDir);
        if (!java.nio.file.Files.exists(file)) return;
        if (!SplitCsv.read(file, dataset).roleBySliceId().equals(split.roleBySliceId())) {
            throw new org.ichnet.data.DataException(foldDir, "was split differently from fold " + index + " of a " + k
                    + "-fold split of this data: resume with the --folds it was started with, or choose another --out");
        }
    }

    /** For the report's split table: every slice is a test slice exactly once. */
    private static Split cvSplitSummary(CtDataset dataset) {
        var roles = new java.util.LinkedHashMap<String, org.ichnet.split.Role>();
        dataset.slices().forEach(s -> roles.put(s.id(), org.ichnet.split.Role.TEST));
        return new Split("patient-cv", -1, false, roles);
    }

    /**
     * Finished folds are reused on a rerun only if they were made with the same settings, the ensemble weights
     * aside (finished folds are re-combined); then records the settings, before any fold is touched.
     */
    private static void guardSettings(Path cvDir, List<Path> dataDirs, ExperimentSettings settings, FoldScheme scheme) {
        if (SeedEnsemble.holdsOne(cvDir)) {
            throw new org.ichnet.data.DataException(cvDir, "holds a seed ensemble (seed-N folders): resume it with "
                    + "--seeds, or choose another --out");
        }
        if (java.nio.file.Files.exists(RunFolder.config(cvDir))) {
            RunConfig config = RunConfig.load(cvDir);
            if (FoldScheme.ofConfig(cvDir) != scheme) {
                throw new org.ichnet.data.DataException(cvDir, "holds a cross-validation with other folds ("
                        + (config.cvFolds() == null ? "patient k-fold" : config.cvFolds()) + "); choose another --out");
            }
            ExperimentSettings before = config.settings();
            if (!before.withGrid(settings.grid()).equals(settings)) {
                throw new org.ichnet.data.DataException(cvDir, "holds a cross-validation made with other settings "
                        + "(see its config.json); to resume it, give only --out (its config.json is used), or choose another --out");
            }
        }
        RunConfig.save(cvDir, dataDirs, settings, scheme.configName());
    }
}
