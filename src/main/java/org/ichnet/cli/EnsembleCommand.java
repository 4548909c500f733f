package org.ichnet.cli;

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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code ichnet ensemble RUN_DIR}: search the ensemble weights on the run's validation predictions. */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Grid-search the weighted-sum and weighted-average ensemble weights on validation only (or, "
                + "for a run with equal weights, write those); writes models/ensemble.json. With --ensemble-weights, "
                + "re-weights a trained run without retraining (then run `ichnet evaluate RUN_DIR`).")
public final class EnsembleCommand implements Callable<Integer> {

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
        if (ensembleWeights != null) {
            WeightGrid grid = RunOptions.grid(spec.commandLine(), ensembleWeights);
            RunConfig config = RunConfig.load(runDir);
            RunConfig.save(runDir, Path.of(config.dataDir()), config.settings().withGrid(grid));
        }
        RunSetup run = RunSetup.open(runDir, System.err, false);
        SplitRun.Weights w = EnsembleStep.run(run, run.steps().trainingResults());
        System.out.printf("weightedAverage: weights %s (normalised %s), validation %s %.4f%n",
                Arrays.toString(w.weightedAverage().weights()), Arrays.toString(w.weightedAverage().normalizedWeights()),
                w.weightedAverage().criterion(), w.weightedAverage().score());
        System.out.printf("weightedSum:     weights %s (normalised %s), validation %s %.4f%n",
                Arrays.toString(w.weightedSum().weights()), Arrays.toString(w.weightedSum().normalizedWeights()),
                w.weightedSum().criterion(), w.weightedSum().score());
        System.out.println("written: " + RunFolder.ensemble(runDir));
        return 0;
    }
}
