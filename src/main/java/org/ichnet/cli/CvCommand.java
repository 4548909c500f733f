package org.ichnet.cli;

import org.ichnet.cv.CrossValidation;
import org.ichnet.model.PaperModels;
import org.ichnet.report.RunSummary;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.reproduce.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ichnet cv}: patient-level k-fold cross-validation of the three CNNs and their ensembles. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "Patient-level k-fold cross-validation: every patient tested once; resumes fold by fold.")
public final class CvCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "CT-ICH folder (default: the bundled sample)")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Cross-validation folder; rerun with the same --out to resume after an interruption")
    Path out;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--variant", defaultValue = "improved", description = "paper or improved (default: ${DEFAULT-VALUE})")
    String variant;

    @Option(names = "--size", description = "Image side in pixels (default: 256, or 96 with --quick)")
    Integer size;

    @Option(names = "--epochs", description = "Maximum epochs per model (default: 25 with early stopping, or 6 with --quick)")
    Integer epochs;

    @Option(names = "--quick", description = "96x96, 6 epochs: a smoke run")
    boolean quick;

    @Mixin
    ConsoleOptions console;

    @Override
    public Integer call() {
        if (folds < 2) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--folds must be ≥ 2");
        PaperModels.Variant v;
        try {
            v = PaperModels.Variant.valueOf(variant.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--variant must be paper or improved, not '" + variant + "'");
        }
        ExperimentSettings settings = ExperimentSettings.of(ExperimentSettings.PATIENT, v);
        if (quick) settings = settings.quick();
        if (size != null) settings = settings.withSize(size);
        if (epochs != null) settings = settings.withEpochs(epochs);
        Path dataDir = data != null ? data : BundledSample.locate();
        long t0 = System.nanoTime();
        RunSummary summary = new CrossValidation(System.err, console.progress())
                .run(dataDir, out, settings, folds);
        SummaryTable.print(System.out, summary);
        summary.notes().forEach(n -> System.out.println("  " + n));
        System.out.printf("%nwall time %.1f min; report: %s%n", (System.nanoTime() - t0) / 6e10,
                RunFolder.report(out).toAbsolutePath());
        return 0;
    }
}
