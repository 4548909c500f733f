package org.ichnet.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SliceLevelsTest {
    private static CtSlice slice(String patient, int number) {
        return new CtSlice(patient, number, HemorrhageClass.NORMAL, null, null, null, null);
    }

    @Test
    void levelIsTheRankInThePatientsScanFromLowestToHighestSliceNumber() {
        double[] levels = SliceLevels.of(List.of(slice("a", 30), slice("b", 7), slice("a", 2), slice("a", 11)));
        assertArrayEquals(new double[]{1.0, 0.5, 0.0, 0.5}, levels, 1e-12);
        double[] duplicated = SliceLevels.of(List.of(slice("a", 1), slice("a", 2), slice("a", 2), slice("a", 3)));
        assertArrayEquals(new double[]{0.0, 0.5, 0.5, 1.0}, duplicated, 1e-12);
    }
}
