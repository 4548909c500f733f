package org.ichnet.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes every figure of a run into {@code dir}; returns caption -> file in report order. */
public final class Figures {

    private Figures() {
    }

    public static LinkedHashMap<String, Path> writeAll(Path dir, RunSummary run) {
        LinkedHashMap<String, Path> figures = new LinkedHashMap<>();
        figures.put("Test accuracy per model, ours with 95% bootstrap CI vs the paper's (cf. paper Fig. 4)",
                AccuracyFigure.write(dir, run));
        figures.put("Precision per class and model (cf. paper Fig. 5)", PrecisionFigure.write(dir, run));
        figures.put("Any-hemorrhage ROC curves", RocFigure.write(dir, run));
        run.model("weightedAverage").map(m -> LevelFigure.write(dir, m)).ifPresent(file ->
                figures.put("Scores along the scan: mean any-hemorrhage score of normal and hemorrhage slices per tenth "
                        + "of the scan (weighted-average ensemble)", file));
        for (ModelResult m : run.pooledModels()) {
            figures.put("Confusion matrix, " + m.name(), ConfusionFigure.write(dir, m.name(), m.metrics().confusion()));
        }
        for (Map.Entry<String, List<org.ichnet.evaluate.EpochRecord>> e : run.trainingHistory().entrySet()) {
            if (!e.getValue().isEmpty()) {
                figures.put("Training curves, " + e.getKey(), TrainingFigure.write(dir, e.getKey(), e.getValue()));
            }
        }
        return figures;
    }
}
