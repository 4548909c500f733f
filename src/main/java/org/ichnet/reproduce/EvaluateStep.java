package org.ichnet.reproduce;

import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.EnsembleSearch;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.evaluate.Predictions;
import org.ichnet.evaluate.PredictionsCsv;
import org.ichnet.model.PaperModels;
import org.ichnet.report.HtmlReport;
import org.ichnet.report.MetricsJson;
import org.ichnet.report.RunSummary;
import org.ichnet.split.Role;
import org.ichnet.train.TrainResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 3.5: the held-out test set, seen once. The ensemble weights are re-derived from the saved
 * validation predictions (the search is deterministic), so nothing here can select on test data.
 */
public final class EvaluateStep {
    private EvaluateStep() {
    }

    public static RunSummary run(RunSetup run, List<TrainResult> training) {
        ExperimentSettings s = run.settings();
        Predictions validation = PredictionsCsv.read(RunFolder.validationPredictions(run.runDir()));
        List<float[][]> perModel = PaperModels.NAMES.stream().map(validation::of).toList();
        SearchResult sum = EnsembleSearch.search(perModel, validation.truth(), s.grid(), Combiner.WEIGHTED_SUM, s.criterion());
        SearchResult average = EnsembleSearch.search(perModel, validation.truth(), s.grid(), Combiner.WEIGHTED_AVERAGE,
                s.criterion());
        Predictions test = run.steps().predict(Role.TEST, sum, average);
        PredictionsCsv.write(RunFolder.predictions(run.runDir()), test);

        List<String> notes = new ArrayList<>();
        run.images().problems().forEach(p -> notes.add("skipped: " + p));
        // counts in the report are of the slices the models saw, not of files that failed to decode
        RunSummary summary = RunEvaluation.summarise("ichnet reproduction of the WA2D-CNN ensemble",
                run.dataset().keeping(run.images().slices()),
                run.split(), s, ValidationFits.of(validation, test), test,
                new RunEvaluation.EnsembleSummaryInput(sum, average), training, notes);
        MetricsJson.write(RunFolder.metrics(run.runDir()), summary);
        HtmlReport.write(run.runDir(), summary);
        return summary;
    }
}
