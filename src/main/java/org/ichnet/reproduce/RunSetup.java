package org.ichnet.reproduce;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ichnet.data.CtDataset;
import org.ichnet.data.DataProblem;
import org.ichnet.data.ProblemWarnings;
import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.ImageLoader;
import org.ichnet.preprocess.LoadedImages;
import org.ichnet.preprocess.PreprocessOptions;
import org.ichnet.split.Split;
import org.ichnet.split.SplitCsv;
import org.ichnet.split.Splits;

/** A run folder made ready for any step: its data read, its split fixed, its images decoded once. */
public record RunSetup(Path runDir, List<Path> dataDirs, ExperimentSettings settings, CtDataset dataset, Split split,
                       LoadedImages images) {

    /**
     * Starts a run: writes config.json and split.csv (or keeps them when resuming). With {@code strict} the data
     * set's first problem is fatal; otherwise each is a warning on {@code log} and its slice is left out.
     */
    public static RunSetup create(List<Path> dataDirs, Path runDir, ExperimentSettings settings, boolean resume,
                                  PrintStream log, boolean progress, boolean strict) {
        CtDataset dataset = readDataset(dataDirs, settings, log, strict);
        // decoded before anything is written, so a strict failure leaves no half-made run folder behind
        LoadedImages images = decode(dataset, preprocessing(settings), log, progress, strict);
        RunConfig.save(runDir, dataDirs, settings);
        Path file = RunFolder.split(runDir);
        Split split;
        if (resume && Files.exists(file)) {
            split = SplitCsv.read(file, dataset);
        } else {
            split = settings.leaky()
                    ? Splits.bySlice(dataset, settings.valFraction(), settings.testFraction(), settings.splitSeed())
                    : Splits.byPatient(dataset, settings.valFraction(), settings.testFraction(), settings.splitSeed());
            split = Splits.keepTrainingShare(split, dataset, settings.trainingShare(), settings.splitSeed());
            SplitCsv.write(file, split, dataset);
        }
        logSplit(log, settings, split);
        return new RunSetup(runDir, dataDirs, settings, dataset, split, images);
    }

    /** Opens an existing run folder with the settings and split it was started with. */
    public static RunSetup open(Path runDir, PrintStream log, boolean progress, boolean strict) {
        RunConfig config = RunConfig.load(runDir);
        List<Path> dataDirs = config.dataFolders();
        CtDataset dataset = readDataset(dataDirs, config.settings(), log, strict);
        Split split = SplitCsv.read(RunFolder.split(runDir), dataset);
        logSplit(log, config.settings(), split);
        LoadedImages images = decode(dataset, preprocessing(config.settings()), log, progress, strict);
        return new RunSetup(runDir, dataDirs, config.settings(), dataset, split, images);
    }

    /** The same run with other settings, e.g. other ensemble weights for a run already trained. */
    public RunSetup withSettings(ExperimentSettings other) {
        return new RunSetup(runDir, dataDirs, other, dataset, split, images);
    }

    public SplitRun steps() {
        return new SplitRun(images.images(), images.slices(), split, settings, runDir);
    }

    /**
     * The data set as a run with these settings reads it (bone images required for two channels), one line per
     * source, its problems fatal when {@code strict} and otherwise warned about once each.
     */
    public static CtDataset readDataset(List<Path> dataDirs, ExperimentSettings settings, PrintStream log, boolean strict) {
        CtDataset dataset = Sources.read(dataDirs,
                ReadOptions.defaults().withBone(settings.channels() == Channels.BRAIN_BONE).withStrict(strict));
        for (var source : Sources.bySource(dataset).entrySet()) {
            CtDataset part = source.getValue();
            log.printf("data: %s%s — %d patients, %d slices, classes %s%n", source.getKey().root(),
                    dataset.sources().size() > 1 ? " (" + source.getKey().name() + ")" : "", part.patients().size(),
                    part.slices().size(), part.classCounts());
        }
        warn(log, dataset.problems());
        return dataset;
    }

    /** Every slice's images decoded once; an unreadable one is fatal when {@code strict}, else warned about and left out. */
    public static LoadedImages decode(CtDataset dataset, PreprocessOptions options, PrintStream log, boolean progress,
                                      boolean strict) {
        LoadedImages images = ImageLoader.load(dataset.slices(), options, strict, progress);
        warn(log, images.problems());
        return images;
    }

    private static void warn(PrintStream log, List<DataProblem> problems) {
        ProblemWarnings.lines(problems, problems.size()).forEach(log::println);
    }

    private static PreprocessOptions preprocessing(ExperimentSettings settings) {
        return new PreprocessOptions(settings.imageSize(), settings.channels(), settings.framing());
    }

    private static void logSplit(PrintStream log, ExperimentSettings settings, Split split) {
        log.printf("split: %s%s — %s%n", split.protocol(), settings.leaky() ? " (LEAKY)" : "", split.counts());
    }
}
