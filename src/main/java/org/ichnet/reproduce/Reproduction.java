package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.ReadOptions;
import org.ichnet.evaluate.PredictionsCsv;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.ImageLoader;
import org.ichnet.preprocess.LoadedImages;
import org.ichnet.preprocess.PreprocessOptions;
import org.ichnet.report.HtmlReport;
import org.ichnet.report.MetricsJson;
import org.ichnet.report.RunSummary;
import org.ichnet.split.Split;
import org.ichnet.split.SplitCsv;
import org.ichnet.split.Splits;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's Section 3 as one page: data set, input images, three CNNs, their weighted ensemble,
 * and the comparison — run on a patient-level split unless the paper's leaky slice split is asked for.
 */
public final class Reproduction {
    private final PrintStream log;
    private final boolean progress;

    public Reproduction(PrintStream log, boolean progress) {
        this.log = log;
        this.progress = progress;
    }

    public RunSummary run(Path dataDir, Path runDir, ExperimentSettings settings, boolean resume) {
        // 3.1 Dataset: CT-ICH slices with the four classes NORMAL, ICH, SDH, EDH
        CtDataset dataset = DatasetReader.read(dataDir,
                ReadOptions.defaults().withBone(settings.channels() == Channels.BRAIN_BONE));
        log.printf("data: %s — %d patients, %d slices, classes %s%n", dataDir, dataset.patients().size(),
                dataset.slices().size(), dataset.classCounts());
        RunConfig.save(runDir, dataDir, settings);

        // 3.2.1 Input image data: split (by patient by default), resize to 256x256, decoded once
        Split split = splitOf(dataset, settings, runDir, resume);
        log.printf("split: %s%s — %s%n", split.protocol(), settings.leaky() ? " (LEAKY)" : "", split.counts());
        LoadedImages images = ImageLoader.load(dataset.slices(), new PreprocessOptions(settings.imageSize(),
                settings.channels()), false, progress);

        // 3.3–3.4 Three 2D CNNs, then the weighted ensembles, weights searched on validation only
        SplitRun.Outcome outcome = SplitRun.run(images.images(), images.slices(), split, settings, runDir, resume, progress);
        PredictionsCsv.write(RunFolder.predictions(runDir), outcome.test());
        PredictionsCsv.write(RunFolder.validationPredictions(runDir), outcome.validation());
        EnsembleFiles.writeManifest(RunFolder.models(runDir), settings, outcome, dataDir);

        // 3.5 Ensemble vs individual models on the held-out test set
        List<String> notes = new ArrayList<>();
        images.problems().forEach(p -> notes.add("skipped: " + p));
        RunSummary summary = RunEvaluation.summarise("ichnet reproduction of the WA2D-CNN ensemble", dataset, split,
                settings, outcome.validation(), outcome.test(),
                new RunEvaluation.EnsembleSummaryInput(outcome.weightedSum(), outcome.weightedAverage()),
                outcome.training(), notes);
        MetricsJson.write(RunFolder.metrics(runDir), summary);
        HtmlReport.write(runDir, summary);
        return summary;
    }

    private static Split splitOf(CtDataset dataset, ExperimentSettings s, Path runDir, boolean resume) {
        Path file = RunFolder.split(runDir);
        if (resume && Files.exists(file)) return SplitCsv.read(file, dataset);
        Split split = s.leaky()
                ? Splits.bySlice(dataset, s.valFraction(), s.testFraction(), s.splitSeed())
                : Splits.byPatient(dataset, s.valFraction(), s.testFraction(), s.splitSeed());
        SplitCsv.write(file, split, dataset);
        return split;
    }
}
