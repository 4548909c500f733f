package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.ImageLoader;
import org.ichnet.preprocess.LoadedImages;
import org.ichnet.preprocess.PreprocessOptions;
import org.ichnet.split.Split;
import org.ichnet.split.SplitCsv;
import org.ichnet.split.Splits;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A run folder made ready for any step: its data read, its split fixed, its images decoded once. */
public record RunSetup(Path runDir, List<Path> dataDirs, ExperimentSettings settings, CtDataset dataset, Split split,
                       LoadedImages images) {

    /** Starts a run: writes config.json and split.csv (or keeps them when resuming). */
    public static RunSetup create(List<Path> dataDirs, Path runDir, ExperimentSettings settings, boolean resume,
                                  PrintStream log, boolean progress) {
        CtDataset dataset = readDataset(dataDirs, settings, log);
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
        return withImages(runDir, dataDirs, settings, dataset, split, log, progress);
    }

    /** Opens an existing run folder with the settings and split it was started with. */
    public static RunSetup open(Path runDir, PrintStream log, boolean progress) {
        RunConfig config = RunConfig.load(runDir);
        List<Path> dataDirs = config.dataFolders();
        CtDataset dataset = readDataset(dataDirs, config.settings(), log);
        Split split = SplitCsv.read(RunFolder.split(runDir), dataset);
        return withImages(runDir, dataDirs, config.settings(), dataset, split, log, progress);
    }

    /** The same run with other settings, e.g. other ensemble weights for a run already trained. */
    public RunSetup withSettings(ExperimentSettings other) {
        return new RunSetup(runDir, dataDirs, other, dataset, split, images);
    }

    public SplitRun steps() {
        return new SplitRun(images.images(), images.slices(), split, settings, runDir);
    }

    /** The data set as a run with these settings reads it (bone images required for two channels), logged in one line. */
    public static CtDataset readDataset(List<Path> dataDirs, ExperimentSettings settings, PrintStream log) {
        CtDataset dataset = Sources.read(dataDirs,
                ReadOptions.defaults().withBone(settings.channels() == Channels.BRAIN_BONE));
        for (var source : Sources.bySource(dataset).entrySet()) {
            CtDataset part = source.getValue();
            log.printf("data: %s%s — %d patients, %d slices, classes %s%n", source.getKey().root(),
                    dataset.sources().size() > 1 ? " (" + source.getKey().name() + ")" : "", part.patients().size(),
                    part.slices().size(), part.classCounts());
        }
        return dataset;
    }

    private static RunSetup withImages(Path runDir, List<Path> dataDirs, ExperimentSettings settings, CtDataset dataset,
                                       Split split, PrintStream log, boolean progress) {
        log.printf("split: %s%s — %s%n", split.protocol(), settings.leaky() ? " (LEAKY)" : "", split.counts());
        LoadedImages images = ImageLoader.load(dataset.slices(),
                new PreprocessOptions(settings.imageSize(), settings.channels(), settings.framing()), false, progress);
        return new RunSetup(runDir, dataDirs, settings, dataset, split, images);
    }
}
