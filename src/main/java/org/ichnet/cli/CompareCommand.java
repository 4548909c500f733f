package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.data.DataException;
import org.ichnet.io.AtomicFiles;
import org.ichnet.report.ComparisonTable;
import org.ichnet.report.LearningCurve;
import org.ichnet.report.LearningCurveFigure;
import org.ichnet.reproduce.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ichnet compare RUN_DIR...}: finished runs (reproduce or cv) side by side as a Markdown table. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Finished runs (reproduce or cv folders, or their metrics.json) side by side as one Markdown table with 95%% CIs.")
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run or cross-validation folders, or metrics.json files")
    List<Path> runs;

    @Option(names = "--models", split = ",", paramLabel = "NAMES",
            description = "Models and ensembles to list (default: weightedAverage; e.g. model1,model2,model3,weightedSum,weightedAverage; "
                    + "a per-source row as 'weightedAverage [phe-sich]')")
    List<String> models = List.of("weightedAverage");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table to FILE")
    Path out;

    @Option(names = "--learning-curve", paramLabel = "PNG",
            description = "Also plot the runs as a learning curve (the first of --models; runs are folders, e.g. cv runs with "
                    + "--training-share): AUC and AUC within scan level against training patients per fold, and print its table")
    Path learningCurve;

    @Option(names = "--verbose", description = "Stack traces on errors")
    boolean verbose;

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        List<ComparisonTable.Run> loaded = new ArrayList<>();
        for (Path run : runs) {
            Path file = Files.isDirectory(run) ? RunFolder.metrics(run) : run;
            if (!Files.isRegularFile(file)) throw new DataException(file, "no metrics.json: finish the run first (ichnet evaluate or cv)");
            JsonNode metrics;
            try {
                metrics = json.readTree(file.toFile());
            } catch (IOException e) {
                throw new DataException(file, "unreadable metrics.json (" + e.getMessage().split("\n")[0] + ")");
            }
            if (!metrics.path("models").isObject()) throw new DataException(file, "not an ichnet metrics.json (no models)");
            Path named = Files.isDirectory(run) ? run : file.getParent() == null ? file : file.getParent();
            loaded.add(new ComparisonTable.Run(String.valueOf(named.toAbsolutePath().normalize().getFileName()), metrics));
        }
        for (String model : models) {
            if (loaded.stream().noneMatch(r -> r.metrics().path("models").has(model))) {
                java.util.Set<String> known = new java.util.TreeSet<>();
                loaded.forEach(r -> r.metrics().path("models").fieldNames().forEachRemaining(known::add));
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--models: no run has '" + model + "' (they have " + String.join(", ", known) + ")");
            }
        }
        String table = ComparisonTable.markdown(loaded, models);
        System.out.print(table);
        if (out != null) AtomicFiles.writeString(out, table);
        if (learningCurve != null) {
            LearningCurve curve = LearningCurvePoints.of(runs, loaded, models.get(0));
            System.out.println();
            System.out.print(curve.markdown());
            LearningCurveFigure.write(learningCurve, curve, models.get(0));
            System.out.println("learning curve: " + learningCurve);
        }
        return 0;
    }
}
