package org.ichnet.cli;

import org.ichnet.cv.CrossValidation;
import org.ichnet.cv.FoldScheme;
import org.ichnet.cv.SeedEnsemble;
import org.ichnet.model.PaperModels;
import org.ichnet.report.RunSummary;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.reproduce.RunConfig;
import org.ichnet.reproduce.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ichnet cv}: patient-level k-fold cross-validation of the three CNNs and their ensembles. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Patient-level k-fold cross-validation: every patient tested once; resumes fold by fold.")
public final class CvCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions options;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Cross-validation folder; to resume after an interruption rerun with the same --out, --folds and "
                    + "--seeds (other options come from the started run's config.json); with --ensemble-weights as the only "
                    + "training option, re-combines the finished folds' ensembles from their saved predictions (seconds; "
                    + "unfinished folds then train as on any resume)")
    Path out;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seeds", split = ",", paramLabel = "N,N,...",
            description = "Seed ensemble: train every CNN once per seed (each seed's cross-validation in OUT/seed-N) "
                    + "and average each family's probabilities before the ensemble; at least two seeds")
    List<Long> seeds;

    @Option(names = "--leave-source-out", description = "One fold per --data source: train on the other source(s) "
            + "(their validation share for early stopping and ensemble weights) and test on all of it; needs two or more "
            + "--data folders; --folds is ignored")
    boolean leaveSourceOut;

    @Mixin
    ConsoleOptions console;

    @Mixin
    StrictOption data;

    @Override
    public Integer call() {
        if (folds < 2) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--folds must be ≥ 2");
        if (!"patient".equals(options.protocol)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "cv folds are always by patient; --protocol "
                    + options.protocol + " is not available here");
        }
        if (seeds != null && (seeds.size() < 2 || options.seed != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), options.seed != null
                    ? "give either --seed (one training seed) or --seeds (a seed ensemble), not both"
                    : "--seeds needs at least two seeds, e.g. --seeds 42,7,3; for one seed use --seed");
        }
        if (seeds != null && seeds.stream().distinct().count() != seeds.size()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seeds must differ: " + seeds);
        }
        // a started cross-validation resumes with the settings it was started with unless options say otherwise
        Path started = seeds == null ? out : seeds.stream().map(seed -> SeedEnsemble.seedDir(out, seed))
                .filter(dir -> Files.exists(RunFolder.config(dir))).findFirst().orElse(out);
        boolean runOptionGiven = RunOptions.anyGiven(spec);
        ExperimentSettings settings;
        List<Path> dataDirs;
        boolean reweigh = RunOptions.onlyEnsembleWeightsGiven(spec);
        if ((!runOptionGiven || reweigh) && Files.exists(RunFolder.config(started))) {
            RunConfig config = RunConfig.load(started);
            settings = config.settings();
            dataDirs = config.dataFolders();
            System.err.println("resuming with the settings and data folder in " + RunFolder.config(started));
            if (reweigh) settings = settings.withGrid(RunOptions.grid(spec.commandLine(), options.ensembleWeights));
        } else {
            settings = options.settings(spec.commandLine(), PaperModels.Variant.IMPROVED);
            dataDirs = options.dataDirs();
        }
        FoldScheme scheme = leaveSourceOut ? FoldScheme.LEAVE_SOURCE_OUT : FoldScheme.PATIENT;
        if (!runOptionGiven && !leaveSourceOut && Files.exists(RunFolder.config(started))) {
            scheme = FoldScheme.ofConfig(started);
        }
        if (scheme == FoldScheme.LEAVE_SOURCE_OUT && dataDirs.size() < 2) {
            throw new org.ichnet.data.DataException(dataDirs.get(0),
                    "the only data source: --leave-source-out needs at least two --data folders");
        }
        if (scheme == FoldScheme.LEAVE_SOURCE_OUT && seeds != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--leave-source-out does not take --seeds (a seed ensemble of it is not supported)");
        }
        long t0 = System.nanoTime();
        RunSummary summary = seeds == null
                ? new CrossValidation(System.err, console.progress(), data.strict, scheme).run(dataDirs, out, settings, folds)
                : new SeedEnsemble(System.err, console.progress(), data.strict).run(dataDirs, out, settings, folds, seeds);
        SummaryTable.print(System.out, summary);
        summary.notes().forEach(n -> System.out.println("  " + n));
        System.out.printf("%nwall time %.1f min; report: %s%n", (System.nanoTime() - t0) / 6e10,
                RunFolder.report(out).toAbsolutePath());
        return 0;
    }
}
