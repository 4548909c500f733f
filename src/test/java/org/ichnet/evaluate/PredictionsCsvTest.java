package org.ichnet.evaluate;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PredictionsCsvTest {

    @Test
    void writesTheDocumentedHeaderAndReadsBackBitExactly(@TempDir Path dir) throws Exception {
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        probs.put("model1", new float[][]{{0.1f, 0.2f, 0.3f, 0.4f}, {0.7f, 0.1f, 0.1f, 0.1f}});
        probs.put("weightedAverage", new float[][]{{1f / 3, 1f / 3, 1f / 6, 1f / 6}, {0f, 1f, 0f, 0f}});
        Predictions p = new Predictions(List.of("049/12", "p,1/3"), List.of("049", "p,1"), new int[]{3, 0}, probs);
        Path file = dir.resolve("predictions.csv");
        PredictionsCsv.write(file, p);

        List<String> lines = Files.readAllLines(file);
        assertEquals("patient,slice,true_class,model1_p_NORMAL,model1_p_ICH,model1_p_SDH,model1_p_EDH,model1_pred,"
                + "weightedAverage_p_NORMAL,weightedAverage_p_ICH,weightedAverage_p_SDH,weightedAverage_p_EDH,"
                + "weightedAverage_pred", lines.get(0));
        assertEquals("049,049/12,EDH,0.1,0.2,0.3,0.4,EDH,0.33333334,0.33333334,0.16666667,0.16666667,NORMAL", lines.get(1));

        Predictions back = PredictionsCsv.read(file);
        assertEquals(p.sliceIds(), back.sliceIds());
        assertEquals(p.patients(), back.patients());
        assertArrayEquals(p.truth(), back.truth());
        assertEquals(List.of("model1", "weightedAverage"), List.copyOf(back.probabilities().keySet()));
        for (String model : probs.keySet()) {
            assertArrayEquals(probs.get(model), back.of(model));
        }
    }

    @Test
    void badHeaderIsADataException(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "slice,patient\n");
        assertThrows(DataException.class, () -> PredictionsCsv.read(file));
    }
}
