package org.ichnet.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ichnet.data.CtDataset;
import org.ichnet.data.DataException;
import org.ichnet.data.LabelPriority;
import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.report.ModelResult;
import org.ichnet.report.RunSummary;
import org.ichnet.reproduce.HeldOutTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ichnet test}: score a trained model on labelled data it never saw. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Score a trained ensemble on labelled data it never saw, with no training: the same "
                + "predictions.csv, metrics.json (95%% CIs over patients) and report.html as a reproduction's test set.")
public final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DATA", description = "Labelled data folders (CT-ICH release, PHE-SICH, "
            + "<CLASS>/ folders, or images with a two-column labels.csv of 0/1 any hemorrhage); several are scored as one "
            + "data set with patients named source:patient, and every number is given per source as well")
    List<Path> data;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A model folder (ensemble.json and its SavedModels)")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the report goes (created; must be new or empty)")
    Path out;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples of patients (default: 1000)")
    int bootstrap;

    @Option(names = "--strict", description = "Stop at the first unreadable slice (exit 2) instead of skipping it")
    boolean strict;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new DataException(out, "exists and is not an empty folder; give a new --out");
        }
        try (EnsemblePredictor predictor = EnsemblePredictor.load(model, RuntimeOptions.defaults())) {
            // read once, with the bone window when the model takes it, so every problem is reported
            CtDataset dataset = Sources.read(data, new ReadOptions(predictor.needsBone(), strict, LabelPriority.DEFAULT));
            dataset.problems().forEach(p -> System.err.println("ichnet: skipped " + p));
            Files.createDirectories(out);
            System.err.printf("ichnet: %s on %d slices of %d patients%n", model.getFileName(), dataset.slices().size(),
                    dataset.patients().size());
            RunSummary summary;
            boolean showProgress = System.console() != null;
            try (ProgressBar bar = showProgress ? new ProgressBarBuilder().setTaskName("test")
                    .setInitialMax(dataset.slices().size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build() : null) {
                summary = HeldOutTest.run(predictor, dataset, out, Math.max(1, bootstrap), strict,
                        done -> { if (bar != null) bar.stepTo(done); }, List.of());
            }
            summary.notes().stream().filter(n -> n.startsWith("skipped: ")).forEach(n -> System.err.println("ichnet: " + n));
            for (ModelResult r : summary.models()) {
                System.out.printf(Locale.ROOT, "%-26s accuracy %5.1f  macro-F1 %5.1f  any-hemorrhage AUC %.3f%n", r.name(),
                        100 * r.metrics().accuracy(), 100 * r.metrics().macroF1(), r.metrics().anyHemorrhageAuc());
            }
            System.out.println("report: " + out.resolve("report.html"));
        }
        return 0;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
