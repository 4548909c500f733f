package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DataSource;
import org.ichnet.evaluate.Predictions;
import org.ichnet.report.ModelResult;
import org.ichnet.report.SourceRows;

import java.util.ArrayList;
import java.util.List;

/**
 * Every model's test results on each source's slices alone, scored as the pooled rows are (same metrics,
 * bootstrap over that source's patients, same patient decision), named by {@link SourceRows}. None when the
 * data has one source, so a single-source run reports exactly what it did before.
 */
final class PerSourceResults {

    /** Scores one model's rows of the predictions of one source. */
    interface Scorer {
        ModelResult score(String rowName, String model, Predictions sourceTest);
    }

    private PerSourceResults() {
    }

    static List<ModelResult> of(CtDataset dataset, Predictions test, Scorer scorer) {
        List<ModelResult> rows = new ArrayList<>();
        if (dataset.sources().size() < 2) return rows;
        for (DataSource source : dataset.sources()) {
            Predictions part = test.rows(i -> dataset.sourceOf(test.patients().get(i)).equals(source.name()));
            if (part.size() == 0) continue;
            for (String model : test.probabilities().keySet()) {
                rows.add(scorer.score(SourceRows.name(model, source.name()), model, part));
            }
        }
        return rows;
    }
}
