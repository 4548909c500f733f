package org.ichnet.report;

import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Criterion;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.ensemble.WeightGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CiteSentenceTest {

    @Test
    void searchedWeightsAreSaidToBeSelectedOnValidation() {
        String sentence = CiteSentence.of(SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note"));
        assertTrue(sentence.contains(" selected on validation"), sentence);
    }

    @Test
    void equalWeightsAreSaidToBeEqualNotSelected() {
        RunSummary searched = SyntheticRun.build(RunSummary.PATIENT_PROTOCOL, "note");
        EnsembleSummary e = searched.ensemble();
        SearchResult equal = new SearchResult(new double[]{1, 1, 1}, new double[]{1 / 3.0, 1 / 3.0, 1 / 3.0}, 0.5, 1,
                Combiner.WEIGHTED_AVERAGE, Criterion.MACRO_F1);
        RunSummary run = new RunSummary(searched.title(), searched.date(), searched.machine(), searched.protocol(),
                searched.leaky(), searched.dataset(), searched.splits(), searched.settings(), searched.models(),
                new EnsembleSummary(e.criterion(), WeightGrid.EQUAL, equal, e.weightedSum(), e.paperWeightsAverage(),
                        e.paperWeightsSum()),
                searched.trainingSeconds(), searched.trainingHistory(), searched.calibration(), searched.notes());
        String sentence = CiteSentence.of(run);
        assertFalse(sentence.contains("selected on validation"), sentence);
        assertTrue(sentence.contains("the weightedAverage ensemble with equal weights (not searched) reached"), sentence);
    }
}
