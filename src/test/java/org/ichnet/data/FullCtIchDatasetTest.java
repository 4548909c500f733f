package org.ichnet.data;

import org.ichnet.testing.SharedData;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The released CT-ICH set, {@code SharedData.data("ct-ich")}; skipped when absent. */
class FullCtIchDatasetTest {

    private static Path root() {
        Path root = TinyCtIch.fullDataset();
        Assumptions.assumeTrue(root != null,
                "full CT-ICH data set not found at " + SharedData.data("ct-ich") + "; skipping");
        return root;
    }

    @Test
    void countsMatchTheRelease() {
        CtDataset d = DatasetReader.read(root(), ReadOptions.defaults().withStrict(true));
        assertEquals(72, d.patients().size());
        assertEquals(2194, d.slices().size());
        assertEquals(List.of(1935, 63, 56, 140), List.copyOf(d.classCounts().values()), "NORMAL, ICH, SDH, EDH");
        assertEquals(List.of(72, 14, 4, 18), List.copyOf(d.classPatients().values()));
        assertEquals(20, d.multiLabelSlices().size());
        DatasetSummary s = DatasetSummary.of(d, LabelPriority.DEFAULT);
        assertEquals(List.of(14, 55, 15, 140, 56), List.copyOf(s.types().values()));
        assertEquals(160, s.fractureSlices());
        assertEquals(List.of("051", "071", "074", "081"),
                d.slices().stream().filter(x -> x.flags().subdural()).map(CtSlice::patient).distinct().toList());
    }

    @Test
    void brainBoneModeSkipsTheOneSliceWithoutBoneImage() {
        CtDataset d = DatasetReader.read(root(), ReadOptions.defaults().withBone(true));
        assertEquals(2193, d.slices().size());
        assertEquals(1, d.problems().size());
        assertTrue(d.problems().get(0).file().endsWith(Path.of("084", "bone", "36.jpg")), d.problems().toString());
    }
}
