package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.cv.CrossValidation;
import org.ichnet.data.DataException;
import org.ichnet.report.ComparisonTable;
import org.ichnet.report.LearningCurve;
import org.ichnet.reproduce.RunFolder;
import org.ichnet.split.Role;
import org.ichnet.split.SplitCsv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            points.add(new LearningCurve.Point(runs.get(i).label(), trainingPatientsPerSplit(dir),
                    number(m.path("anyHemorrhageAuc")), number(m.path("withinLevelAuc").path("auc"))));
        }
        return new LearningCurve(points);
    }

    /** metrics.json writes an undefined number as null. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** The mean number of training patients over a cross-validation's folds, or of a single run's split. */
    static double trainingPatientsPerSplit(Path dir) {
        List<Path> splits = CrossValidation.foldSplitFiles(dir);
        if (splits.isEmpty()) splits = Files.isRegularFile(RunFolder.split(dir)) ? List.of(RunFolder.split(dir)) : List.of();
        if (splits.isEmpty()) {
            throw new DataException(dir, "no split.csv here or in fold-*/ (a seed ensemble keeps them in seed-N/fold-*/: pass one seed's folder)");
        }
        return splits.stream().mapToInt(f -> SplitCsv.patientsPerRole(f).getOrDefault(Role.TRAIN, 0)).average().orElseThrow();
    }
}
