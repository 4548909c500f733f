package org.ichnet.evaluate;

import org.ichnet.data.HemorrhageClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    @Test
    void sameSeedGivesIdenticalIntervals() {
        SyntheticSlices data = new SyntheticSlices(40, 10, 1);
        ConfidenceIntervals a = new Bootstrap(300, 7).intervals(data.truth, data.probs, data.patients);
        ConfidenceIntervals b = new Bootstrap(300, 7).intervals(data.truth, data.probs, data.patients);
        assertEquals(a, b);
        ConfidenceIntervals c = new Bootstrap(300, 8).intervals(data.truth, data.probs, data.patients);
        assertTrue(!a.accuracy().equals(c.accuracy()), "another seed should move the interval");
    }

    @Test
    void intervalsContainThePointEstimates() {
        SyntheticSlices data = new SyntheticSlices(60, 10, 2);
        ModelMetrics point = Metrics.compute(data.truth, data.probs);
        ConfidenceIntervals ci = new Bootstrap(500, 3).intervals(data.truth, data.probs, data.patients);
        assertTrue(ci.accuracy().contains(point.accuracy()), ci.accuracy() + " vs " + point.accuracy());
        assertTrue(ci.macroF1().contains(point.macroF1()));
        assertTrue(ci.anyHemorrhageAuc().contains(point.anyHemorrhageAuc()));
        for (HemorrhageClass c : HemorrhageClass.values()) {
            assertTrue(ci.of(c).sensitivity().contains(point.of(c).sensitivity()), c + " sensitivity");
            assertTrue(ci.of(c).specificity().contains(point.of(c).specificity()), c + " specificity");
        }
        assertEquals("patient", ci.unit());
    }

    @Test
    void moreDataGivesNarrowerIntervals() {
        SyntheticSlices small = new SyntheticSlices(20, 10, 4);
        SyntheticSlices large = new SyntheticSlices(320, 10, 4);
        Bootstrap bootstrap = new Bootstrap(400, 5);
        ConfidenceIntervals wide = bootstrap.intervals(small.truth, small.probs, small.patients);
        ConfidenceIntervals narrow = bootstrap.intervals(large.truth, large.probs, large.patients);
        // ~sqrt(16) = 4 times narrower in theory; ask for 2
        assertTrue(narrow.accuracy().width() * 2 < wide.accuracy().width());
        assertTrue(narrow.macroF1().width() * 2 < wide.macroF1().width());
        // AUC near its ceiling on the small set: only ask for narrower
        assertTrue(narrow.anyHemorrhageAuc().width() < wide.anyHemorrhageAuc().width());
    }

    @Test
    void patientResamplingDrawsWholePatients() {
        List<String> groups = List.of("a", "a", "a", "b", "c", "c");
        int[][] clusters = Bootstrap.clusters(groups);
        int[] multiplicity = new int[groups.size()];
        SplittableRandom random = new SplittableRandom(9);
        for (int rep = 0; rep < 50; rep++) {
            Bootstrap.drawMultiplicities(clusters, random, multiplicity);
            assertEquals(multiplicity[0], multiplicity[1]);
            assertEquals(multiplicity[0], multiplicity[2]);
            assertEquals(multiplicity[4], multiplicity[5]);
            assertEquals(3, multiplicity[0] + multiplicity[3] + multiplicity[4], "three patients drawn per resample");
        }
    }

    @Test
    void patientIntervalsAreWiderThanSliceIntervalsWhenSlicesOfAPatientAgree() {
        // each patient's 10 slices are all right or all wrong: patients, not slices, are the independent units
        int patients = 50;
        int[] truth = new int[patients * 10];
        List<String> groups = new ArrayList<>();
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            int p = i / 10;
            groups.add("p" + p);
            predicted[i] = p % 5 == 0 ? 1 : 0;
        }
        float[][] probs = Rows.predicting(predicted);
        Bootstrap bootstrap = new Bootstrap(500, 11);
        double patientWidth = bootstrap.intervals(truth, probs, groups).accuracy().width();
        double sliceWidth = bootstrap.intervals(truth, probs, null).accuracy().width();
        assertTrue(patientWidth > 2 * sliceWidth, patientWidth + " vs " + sliceWidth);
    }

    @Test
    void thousandRepsOverAFullTestSetTakeWellUnderASecondOrTwo() {
        SyntheticSlices data = new SyntheticSlices(73, 30, 6); // 2,190 slices
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new Bootstrap(1000, 1).intervals(data.truth, data.probs, data.patients));
    }

    @Test
    void percentileInterpolatesBetweenOrderStatistics() {
        double[] values = new double[41];
        for (int i = 0; i <= 40; i++) {
            values[i] = i;
        }
        // 0.025 * 40 = 1.0 and 0.975 * 40 = 39.0
        assertEquals(new Interval(1.0, 39.0), Bootstrap.percentile95(values));
        assertEquals(Interval.UNDEFINED.lo(), Bootstrap.percentile95(new double[]{Double.NaN}).lo(), 0.0);
    }
}
