package org.ichnet.cli;

import org.ichnet.cv.CrossValidation;
import org.ichnet.data.DataException;
import org.ichnet.ensemble.WeightGrid;
import org.ichnet.reproduce.EnsembleStep;
import org.ichnet.reproduce.RunConfig;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.reproduce.RunSetup;
import org.ichnet.reproduce.SplitRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code ichnet ensemble RUN_DIR}: search the ensemble weights on the run's validation predictions. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Grid-search the weighted-sum and weighted-average ensemble weights on validation only (or, "
                + "for a run with equal weights, write those); writes models/ensemble.json. With --ensemble-weights, "
                + "re-weights a trained run without retraining (then run `ichnet evaluate RUN_DIR`).")
public final class EnsembleCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    StrictOption strictOption;

    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--ensemble-weights", paramLabel = "HOW",
            description = "searched (on validation) or equal; recorded in the run's config.json (default: as the run was started)")
    String ensembleWeights;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Stack traces on errors")
    boolean verbose;

    @Override
    public Integer call() {
        WeightGrid grid = ensembleWeights == null ? null : RunOptions.grid(spec.commandLine(), ensembleWeights);
        if (Files.isRegularFile(RunFolder.config(runDir)) && !Files.exists(RunFolder.split(runDir))
                && !CrossValidation.foldSplitFiles(runDir).isEmpty()) {
            throw new DataException(runDir, "is a cross-validation: re-weight it with `ichnet cv --out " + runDir
                    + " --ensemble-weights searched|equal`");
        }
        RunSetup run = RunSetup.open(runDir, System.err, false, strictOption.strict);
        if (grid != null) {
            // recorded before the step writes anything: an interrupted re-weighting is finished by `ichnet ensemble RUN_DIR`
            run = run.withSettings(run.settings().withGrid(grid));
            RunConfig.save(runDir, run.dataDirs(), run.settings());
        }
        SplitRun.Weights w = EnsembleStep.run(run, run.steps().trainingResults());
        System.out.printf("weightedAverage: weights %s (normalised %s), validation %s %.4f%n",
                Arrays.toString(w.weightedAverage().weights()), Arrays.toString(w.weightedAverage().normalizedWeights()),
                w.weightedAverage().criterion(), w.weightedAverage().score());
        System.out.printf("weightedSum:     weights %s (normalised %s), validation %s %.4f%n",
                Arrays.toString(w.weightedSum().weights()), Arrays.toString(w.weightedSum().normalizedWeights()),
                w.weightedSum().criterion(), w.weightedSum().score());
        System.out.println("written: " + RunFolder.ensemble(runDir));
        if (grid != null && Files.exists(RunFolder.metrics(runDir))) {
            System.out.println("metrics.json and report.html still show the earlier weights: run `ichnet evaluate " + runDir + "`");
        }
        return 0;
    }
}
