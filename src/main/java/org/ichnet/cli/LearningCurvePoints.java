package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.data.DataException;
import org.ichnet.report.ComparisonTable;
import org.ichnet.report.LearningCurve;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.split.Role;
import org.ichnet.split.SplitCsv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The points of {@code compare --learning-curve}: each run's training patients per fold, read from its split files. */
final class LearningCurvePoints {
    private LearningCurvePoints() {
    }

    static LearningCurve of(List<Path> runDirs, List<ComparisonTable.Run> runs, String model) {
        List<LearningCurve.Point> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Path dir = runDirs.get(i);
            if (!Files.isDirectory(dir)) {
                throw new DataException(dir, "--learning-curve needs run folders (their split.csv files count the training patients)");
            }
            JsonNode m = runs.get(i).metrics().path("models").path(model);
            if (!m.has("anyHemorrhageAuc")) throw new DataException(RunFolder.metrics(dir), "has no results for " + model);
            JsonNode within = m.path("withinLevelAuc").path("auc");
            points.add(new LearningCurve.Point(runs.get(i).label(), trainingPatientsPerSplit(dir),
                    m.get("anyHemorrhageAuc").asDouble(), within.isNumber() ? within.asDouble() : Double.NaN));
        }
        return new LearningCurve(points);
    }

    /** The mean number of training patients over a cross-validation's folds, or of a single run's split. */
    static double trainingPatientsPerSplit(Path dir) {
        List<Path> splits;
        try (Stream<Path> children = Files.list(dir)) {
            splits = children.filter(c -> c.getFileName().toString().startsWith("fold-"))
                    .map(RunFolder::split).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir, "unreadable folder (" + e.getMessage() + ")");
        }
        if (splits.isEmpty()) splits = Files.isRegularFile(RunFolder.split(dir)) ? List.of(RunFolder.split(dir)) : List.of();
        if (splits.isEmpty()) {
            throw new DataException(dir, "no split.csv here or in fold-*/ (a seed ensemble keeps them in seed-N/fold-*/: pass one seed's folder)");
        }
        return splits.stream().mapToInt(f -> SplitCsv.patientsPerRole(f).getOrDefault(Role.TRAIN, 0)).average().orElseThrow();
    }
}
