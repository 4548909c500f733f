package org.ichnet.cli;

import org.ichnet.reproduce.EvaluateStep;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.reproduce.RunSetup;
import org.ichnet.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ichnet evaluate RUN_DIR}: the test set, metrics with CIs, metrics.json and report.html. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a trained run on its test set and write metrics.json, predictions.csv and report.html.")
public final class EvaluateCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    StrictOption strictOption;

    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--verbose", description = "Stack traces on errors")
    boolean verbose;

    @Override
    public Integer call() {
        RunSetup run = RunSetup.open(runDir, System.err, false, strictOption.strict);
        RunSummary summary = EvaluateStep.run(run, run.steps().trainingResults());
        SummaryTable.print(System.out, summary);
        System.out.println("\nreport: " + RunFolder.report(runDir).toAbsolutePath());
        return 0;
    }
}
