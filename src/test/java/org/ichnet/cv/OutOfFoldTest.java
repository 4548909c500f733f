package org.ichnet.cv;

import org.ichnet.evaluate.Predictions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class OutOfFoldTest {
    static Predictions part(List<String> ids, String patient, int label, float p) {
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        float[][] rows = new float[ids.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = new float[]{p, 1 - p, 0, 0};
        probs.put("model1", rows);
        int[] truth = new int[ids.size()];
        java.util.Arrays.fill(truth, label);
        return new Predictions(ids, ids.stream().map(x -> patient).toList(), truth, probs);
    }

    @Test
    void poolsFoldsKeepingEachSliceOnceWithItsOwnProbabilities() {
        Predictions pooled = OutOfFold.pool(List.of(part(List.of("1/1", "1/2"), "1", 0, 0.9f),
                part(List.of("2/1"), "2", 1, 0.2f)));
        assertEquals(List.of("1/1", "1/2", "2/1"), pooled.sliceIds());
        assertArrayEquals(new int[]{0, 0, 1}, pooled.truth());
        assertEquals(0.2f, pooled.of("model1")[2][0]);
        assertEquals(List.of("1", "1", "2"), pooled.patients());
    }

    @Test
    void aSliceTestedInTwoFoldsIsABookkeepingError() {
        assertThrows(IllegalStateException.class, () -> OutOfFold.pool(List.of(
                part(List.of("1/1"), "1", 0, 0.9f), part(List.of("1/1"), "1", 0, 0.9f))));
    }
}
