package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperNumbersTest {

    @Test
    void tableOneSumsToTheStatedTotal() {
        // 1441 + 412 + 131 + 526
        assertEquals(PaperNumbers.TABLE1_TOTAL, PaperNumbers.TABLE1_SLICES.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void tablesFourAndFiveAreNotInventedButWaPrecisionIsQuoted() {
        assertTrue(PaperNumbers.perClass("model3", HemorrhageClass.ICH).isEmpty());
        assertEquals(96.43, PaperNumbers.perClass("weightedAverage", HemorrhageClass.SDH).orElseThrow().precision());
        assertTrue(Double.isNaN(PaperNumbers.perClass("weightedAverage", HemorrhageClass.SDH).orElseThrow().f1()));
        assertEquals(95.86, PaperNumbers.accuracy("weightedAverage").orElseThrow());
    }
}
