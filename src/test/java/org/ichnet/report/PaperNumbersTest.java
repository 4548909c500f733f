package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Cross-checks between numbers the paper states separately, so a transcription typo shows. */
class PaperNumbersTest {

    /**
     * Table 2 gives model1's SDH row as P 98.26, R 89.16, F1 93.67, but 2PR/(P+R) is 93.49. Not yet checked
     * against the paper whether it or the transcription is wrong (model2's SDH recall is also 89.16).
     */
    private static final Set<String> KNOWN_INCONSISTENT = Set.of("model1 SDH");

    @Test
    void tableOneSumsToTheStatedTotal() {
        // 1441 + 412 + 131 + 526
        assertEquals(PaperNumbers.TABLE1_TOTAL, PaperNumbers.TABLE1_SLICES.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void eachReportedF1IsTheHarmonicMeanOfItsPrecisionAndSensitivity() {
        int checked = 0;
        for (String model : PaperNumbers.TABLE.keySet()) {
            for (HemorrhageClass c : HemorrhageClass.values()) {
                var row = PaperNumbers.perClass(model, c);
                if (row.isEmpty() || Double.isNaN(row.get().f1())) continue;
                double p = row.get().precision(), r = row.get().sensitivity();
                double f1 = 2 * p * r / (p + r);
                String key = model + " " + c;
                if (KNOWN_INCONSISTENT.contains(key)) {
                    assertNotEquals(f1, row.get().f1(), 0.01, key + " is consistent now: drop it from KNOWN_INCONSISTENT");
                } else {
                    assertEquals(f1, row.get().f1(), 0.01, key);
                }
                checked++;
            }
        }
        assertEquals(8, checked, "model1 and model2, four classes each (Tables 2 and 3)");
    }

}
