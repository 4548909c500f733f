package org.ichnet.cv;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DataException;
import org.ichnet.report.RunSummary;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.reproduce.RunSetup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cross-validation of a seed ensemble: the same folds trained once per seed (each in {@code seed-N/},
 * a complete cross-validation of its own that resumes fold by fold), then every family's CNNs are
 * averaged fold by fold ({@link SeedAverage}) and the pooled result is evaluated like any cross-validation.
 */
public final class SeedEnsemble {
    private final PrintStream log;
    private final CrossValidation crossValidation;
    private final boolean strict;

    public SeedEnsemble(PrintStream log, boolean progress) {
        this(log, progress, false);
    }

    /** {@code strict}: the data set's first problem is fatal instead of a warning and a left-out slice. */
    public SeedEnsemble(PrintStream log, boolean progress, boolean strict) {
        this.log = log;
        this.crossValidation = new CrossValidation(log, progress, strict);
        this.strict = strict;
    }

    public static Path seedDir(Path outDir, long seed) {
        return outDir.resolve("seed-" + seed);
    }

    static boolean holdsOne(Path dir) {
        try (var children = java.nio.file.Files.list(dir)) {
            return children.anyMatch(c -> java.nio.file.Files.isDirectory(c) && c.getFileName().toString().startsWith("seed-"));
        } catch (java.io.IOException e) {
            return false; // no folder yet
        }
    }

    public RunSummary run(Path dataDir, Path outDir, ExperimentSettings settings, int k, List<Long> seeds) {
        return run(List.of(dataDir), outDir, settings, k, seeds);
    }

    public RunSummary run(List<Path> dataDirs, Path outDir, ExperimentSettings settings, int k, List<Long> seeds) {
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("seeds must differ: " + seeds);
        }
        if (java.nio.file.Files.exists(RunFolder.config(outDir))) {
            throw new DataException(outDir, "holds a single cross-validation (config.json): resume it without --seeds, "
                    + "or choose another --out for a seed ensemble");
        }
        CtDataset dataset = RunSetup.readDataset(dataDirs, settings, log, strict);
        List<List<FoldResult>> perSeed = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            log.printf("seed %d (%d/%d): cross-validation in %s%n", seed, i + 1, seeds.size(), seedDir(outDir, seed));
            ExperimentSettings seeded = settings.withTrainingSeed(seed);
            Path dir = seedDir(outDir, seed);
            List<FoldResult> folds = crossValidation.folds(dataset, dataDirs, dir, seeded, k);
            crossValidation.summarise(dataset, dir, seeded, folds, "", List.of(), Map.of());
            perSeed.add(folds);
        }
        List<FoldResult> averaged = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int fold = f;
            averaged.add(SeedAverage.of(perSeed.stream().map(folds -> folds.get(fold)).toList(),
                    settings.grid(), settings.criterion()));
        }
        String seedList = seeds.stream().map(String::valueOf).collect(Collectors.joining(", "));
        String what = "seed ensemble of " + seedList;
        return crossValidation.summarise(dataset, outDir, settings, averaged, ", " + what,
                List.of(what + ": each family's probabilities are the mean of its " + seeds.size()
                        + " CNNs trained with these seeds on the same patients (each seed's own cross-validation is in "
                        + "seed-N/); " + (settings.grid().equalOnly() ? "both ensembles average them with equal weights."
                        : "both ensembles' weights were searched again on the averaged validation predictions.")),
                Map.of("seed", what + " (each family's CNNs averaged)"));
    }
}
