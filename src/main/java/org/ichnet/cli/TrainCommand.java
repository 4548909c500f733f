package org.ichnet.cli;

import org.ichnet.model.PaperModels;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.reproduce.RunSetup;
import org.ichnet.train.TrainResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ichnet train RUN_DIR}: train some or all of the three CNNs of a run; resumes an existing run. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the CNNs of a run folder (created if new; an existing run resumes where it stopped).")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Mixin
    RunOptions options;

    @Option(names = "--models", split = ",", defaultValue = "model1,model2,model3",
            description = "Which models to train (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Mixin
    ConsoleOptions console;

    @Mixin
    StrictOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String m : models) {
            if (!PaperModels.NAMES.contains(m)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown model '" + m + "' (model1, model2, model3)");
            }
        }
        boolean progress = console.progress();
        boolean existing = Files.exists(RunFolder.config(runDir));
        // any option of the RunOptions mixin shapes a new run only; an existing run keeps its config.json
        boolean runOptionGiven = RunOptions.anyGiven(spec);
        if (existing && runOptionGiven) {
            System.err.println("ichnet: " + runDir + " already holds a run: its config.json settings are used, "
                    + "the given data and training options are ignored");
        }
        RunSetup run = existing
                ? RunSetup.open(runDir, System.err, progress, data.strict)
                : RunSetup.create(options.dataDirs(), runDir, options.settings(spec.commandLine()), false, System.err, progress,
                        data.strict);
        for (TrainResult r : run.steps().train(models, true, progress)) {
            System.out.printf("%s: best epoch %d (validation %s %.3f), %.1f min, %,d parameters -> %s%n", r.model(),
                    r.bestEpoch(), run.settings().training().selection(), r.bestScore(), r.seconds() / 60,
                    r.parameters(), RunFolder.model(runDir, r.model()));
        }
        return 0;
    }
}
