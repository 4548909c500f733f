package org.ichnet.cli;

import org.ichnet.data.DataException;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.reproduce.Reproduction;
import org.ichnet.reproduce.RunConfig;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ichnet reproduce}: data → split → three CNNs → ensembles → evaluation → report, in one command. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper end to end: split, train the three CNNs, search the ensemble weights "
                + "on validation, evaluate on test, write the report.")
public final class ReproduceCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "Run folder (default: runs/reproduce-<protocol>-<time>)")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out where it stopped (its config.json wins)")
    boolean resume;

    @Mixin
    ConsoleOptions console;

    @Mixin
    StrictOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path runDir = out != null ? out : Path.of("runs", "reproduce-" + options.protocol + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ExperimentSettings settings;
        List<Path> dataDirs;
        if (resume) {
            RunConfig config = RunConfig.load(runDir);
            settings = config.settings();
            dataDirs = config.dataFolders();
            System.err.println("ichnet: resuming " + runDir + " with its saved settings");
        } else {
            if (Files.exists(RunFolder.config(runDir))) {
                throw new DataException(runDir, "already holds a run; pass --resume to continue it, or choose another --out");
            }
            settings = options.settings(spec.commandLine());
            dataDirs = options.dataDirs();
        }
        long t0 = System.nanoTime();
        boolean progress = console.progress();
        RunSummary summary = new Reproduction(System.err, progress, data.strict).run(dataDirs, runDir, settings, resume);
        SummaryTable.print(System.out, summary);
        System.out.printf("%nwall time %.1f min; report: %s%n", (System.nanoTime() - t0) / 6e10,
                RunFolder.report(runDir).toAbsolutePath());
        return 0;
    }
}
