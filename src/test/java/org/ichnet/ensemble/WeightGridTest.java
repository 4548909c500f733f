package org.ichnet.ensemble;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WeightGridTest {

    @Test
    void defaultGridHasSixCubedMinusTheAllZeroTriple() {
        List<double[]> triples = WeightGrid.DEFAULT.triples();
        assertEquals(6 * 6 * 6 - 1, triples.size());
        assertArrayEquals(new double[]{0.0, 0.0, 0.1}, triples.get(0));
        assertArrayEquals(new double[]{0.5, 0.5, 0.5}, triples.get(triples.size() - 1));
    }

    @Test
    void weightsAreExactDecimals() {
        // 3 * 0.1 in doubles is 0.30000000000000004; the grid must give the literal 0.3
        assertEquals(0.3, WeightGrid.DEFAULT.weight(3), 0.0);
        assertEquals(0.7, new WeightGrid(0.0, 1.0, 0.1).weight(7), 0.0);
        List<Double> oneModel = WeightGrid.DEFAULT.tickVectors(1).stream()
                .map(t -> WeightGrid.DEFAULT.weight(t[0])).toList();
        assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5), oneModel);
    }

    @Test
    void theEqualGridIsOnePointAndSaysSo() {
        assertEquals(1, WeightGrid.EQUAL.triples().size());
        assertArrayEquals(new double[]{1, 1, 1}, WeightGrid.EQUAL.triples().get(0));
        assertTrue(WeightGrid.EQUAL.equalOnly());
        assertFalse(WeightGrid.DEFAULT.equalOnly());
        assertEquals("equal weights (not searched)", WeightGrid.EQUAL.describe());
        assertEquals("grid-searched over {0.0, 0.1, …, 0.5}", WeightGrid.DEFAULT.describe());
    }

    @Test
    void nonZeroMinimumGivesFullCube() {
        assertEquals(5 * 5 * 5, new WeightGrid(0.1, 0.5, 0.1).triples().size());
    }

    @Test
    void boundsOffTheStepAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new WeightGrid(0.0, 0.55, 0.1));
    }

    @Test
    void scaleDuplicatesCollapseToOneDirection() {
        // 215 non-zero triples; those with a common factor (19 with gcd 2, 7 each with gcd 3, 4, 5) repeat
        // a direction already present, leaving 175
        assertEquals(175, EnsembleSearch.directions(WeightGrid.DEFAULT, 3).size());
        assertEquals(1, EnsembleSearch.directions(WeightGrid.DEFAULT, 3).stream()
                .filter(t -> t[0] == t[1] && t[1] == t[2]).count(), "(1,1,1) ... (5,5,5) is one direction");
    }
}
