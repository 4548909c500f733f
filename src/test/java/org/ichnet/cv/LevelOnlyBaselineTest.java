package org.ichnet.cv;

import org.ichnet.evaluate.Bootstrap;
import org.ichnet.evaluate.Predictions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LevelOnlyBaselineTest {

    /** Patients of 10 slices, one per tenth; hemorrhage at the tenths given. */
    private static Predictions scans(List<String> patients, int... hemorrhageTenths) {
        List<String> ids = new ArrayList<>(), owners = new ArrayList<>();
        int[] truth = new int[patients.size() * 10];
        for (int p = 0; p < patients.size(); p++) {
            for (int s = 0; s < 10; s++) {
                ids.add(patients.get(p) + "/" + s);
                owners.add(patients.get(p));
                for (int t : hemorrhageTenths) if (t == s) truth[p * 10 + s] = 1;
            }
        }
        return new Predictions(ids, owners, truth, new LinkedHashMap<>());
    }

    private static Map<String, Double> levels(Predictions... all) {
        Map<String, Double> out = new HashMap<>();
        for (Predictions p : all) {
            for (String id : p.sliceIds()) out.put(id, Integer.parseInt(id.split("/")[1]) / 9.0);
        }
        return out;
    }

    @Test
    void eachFoldIsScoredByTheOtherFoldsRatesOnly() {
        // fold 1's patients bleed at tenths 4 and 5, fold 2's at 5 and 6. Scored with the other fold's rates,
        // fold 1's tenths 5 and 6 score 0.75 (2 of 2 hemorrhage, smoothed), fold 2's tenths 4 and 5; all else 0.25.
        // Pooled: 4 positives at 0.75 beat 28 negatives and tie 4; 4 positives at 0.25 tie 28: (4 * 30 + 4 * 14) / (8 * 32)
        Predictions a = scans(List.of("a1", "a2"), 4, 5), b = scans(List.of("b1", "b2"), 5, 6);
        FoldResult fa = new FoldResult(1, a, a, new double[3], new double[3], 0);
        FoldResult fb = new FoldResult(2, b, b, new double[3], new double[3], 0);
        LevelOnlyBaseline baseline = LevelOnlyBaseline.of(List.of(fa, fb), levels(a, b), new Bootstrap(100, 1));
        assertEquals(176.0 / 256, baseline.auc(), 1e-12);
        assertTrue(baseline.describe().contains("AUC 0.688"), baseline.describe());
    }
}
