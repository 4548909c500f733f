package org.ichnet.cli;

import org.ichnet.data.DataException;
import org.ichnet.model.PaperModels;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.reproduce.Reproduction;
import org.ichnet.reproduce.RunConfig;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.report.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code ichnet reproduce}: data → split → three CNNs → ensembles → evaluation → report, in one command. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce the paper end to end: split, train the three CNNs, search the ensemble weights "
                + "on validation, evaluate on test, write the report.")
public final class ReproduceCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "CT-ICH folder (default: the bundled sample)")
    Path data;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "Run folder (default: runs/reproduce-<protocol>-<time>)")
    Path out;

    @Option(names = "--protocol", defaultValue = "patient",
            description = "patient (split by patient, default) or paper (the paper's slice-level 80/20 split: LEAKY)")
    String protocol;

    @Option(names = "--quick", description = "96x96, 6 epochs, 200 bootstrap resamples: the whole pipeline in about a minute")
    boolean quick;

    @Option(names = "--epochs", description = "Maximum epochs per model (default: 25 with early stopping, or 6 with --quick)")
    Integer epochs;

    @Option(names = "--size", description = "Image side in pixels (default: 256, or 96 with --quick)")
    Integer size;

    @Option(names = "--variant", defaultValue = "paper", description = "paper (the paper's layer counts) or improved")
    String variant;

    @Option(names = "--resume", description = "Continue the run in --out where it stopped (its config.json wins)")
    boolean resume;

    @Option(names = "--no-progress", negatable = false, description = "No progress bars")
    boolean noProgress;

    @Option(names = "--verbose", description = "Stack traces on errors")
    boolean verbose;

    @Override
    public Integer call() {
        String proto = switch (protocol) {
            case "patient" -> ExperimentSettings.PATIENT;
            case "paper", "slice" -> ExperimentSettings.SLICE;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--protocol must be patient or paper, not '" + protocol + "'");
        };
        Path runDir = out != null ? out : Path.of("runs", "reproduce-" + protocol + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ExperimentSettings settings;
        Path dataDir;
        if (resume) {
            RunConfig config = RunConfig.load(runDir);
            settings = config.settings();
            dataDir = Path.of(config.dataDir());
            System.err.println("ichnet: resuming " + runDir + " with its saved settings");
        } else {
            if (Files.exists(RunFolder.config(runDir))) {
                throw new DataException(runDir, "already holds a run; pass --resume to continue it, or choose another --out");
            }
            settings = ExperimentSettings.of(proto, PaperModels.Variant.valueOf(variant.toUpperCase()));
            if (quick) settings = settings.quick();
            if (size != null) settings = settings.withSize(size);
            if (epochs != null) settings = settings.withEpochs(epochs);
            dataDir = data != null ? data : BundledSample.locate();
        }
        long t0 = System.nanoTime();
        boolean progress = !noProgress && System.console() != null;
        RunSummary summary = new Reproduction(System.err, progress).run(dataDir, runDir, settings, resume);
        SummaryTable.print(System.out, summary);
        System.out.printf("%nwall time %.1f min; report: %s%n", (System.nanoTime() - t0) / 6e10,
                RunFolder.report(runDir).toAbsolutePath());
        return 0;
    }
}
