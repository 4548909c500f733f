package org.ichnet.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LearningCurveTest {

    private static LearningCurve.Point p(String run, double patients, double auc, double within) {
        return new LearningCurve.Point(run, patients, auc, within);
    }

    @Test
    void runsOfOneSizeAreAveragedAndTheGainIsPerDoublingOfThePatients() {
        LearningCurve curve = new LearningCurve(List.of(
                p("a", 40, 0.80, 0.66), p("b", 10, 0.70, 0.60), p("c", 20, 0.74, 0.62), p("d", 20, 0.76, 0.64)));
        List<LearningCurve.Size> sizes = curve.sizes();
        assertEquals(List.of(10.0, 20.0, 40.0), sizes.stream().map(LearningCurve.Size::trainingPatients).toList());
        assertEquals(2, sizes.get(1).runs());
        assertEquals(0.75, sizes.get(1).sliceAuc(), 1e-12);
        assertEquals(0.63, sizes.get(1).withinLevelAuc(), 1e-12);
        // log2 patients 3.32, 4.32, 4.32, 5.32: the points lie on AUC = 0.70 + 0.05 per doubling
        assertEquals(0.05, curve.gainPerDoubling(LearningCurve.Point::sliceAuc), 1e-12);
        assertEquals(0.03, curve.gainPerDoubling(LearningCurve.Point::withinLevelAuc), 1e-12);
        String md = curve.markdown();
        assertTrue(md.contains("| 20.0 | 2 | 0.750 | 0.630 |"), md);
        assertTrue(md.contains("+0.050 slice AUC, +0.030 AUC within scan level"), md);
    }

    @Test
    void oneSizeHasNoGainAndMissingNumbersAreSkipped() {
        LearningCurve one = new LearningCurve(List.of(p("a", 49, 0.8, Double.NaN), p("b", 49, 0.78, Double.NaN),
                p("c", 49, Double.NaN, 0.6)));
        assertTrue(Double.isNaN(one.gainPerDoubling(LearningCurve.Point::sliceAuc)));
        assertTrue(one.markdown().contains("| 49.0 | 3 | 0.790 | 0.600 |"), one.markdown());
        assertTrue(one.gainSentence().contains("one training-set size"));
        assertThrows(IllegalArgumentException.class, () -> new LearningCurve(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new LearningCurve(List.of(p("z", 0, 0.7, 0.6))));
    }
}
