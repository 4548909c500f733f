package org.ichnet.data;

import org.ichnet.testing.PheSichFixture;
import org.ichnet.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The released PHE-SICH-CT-IDS copy, {@code SharedData.data("phe-sich-ct-ids")}; skipped when absent. */
class PheSichDatasetTest {

    private static Path root() {
        Path root = PheSichFixture.released();
        Assumptions.assumeTrue(root != null,
                "PHE-SICH data set not found at " + SharedData.data("phe-sich-ct-ids") + "; skipping");
        return root;
    }

    @Test
    void countsOfTheReleaseWithoutItsTwoDefectivePatients() {
        CtDataset d = DatasetReader.read(root(), ReadOptions.defaults());
        assertEquals(CtDataset.LAYOUT_PHE_SICH, d.layout());
        assertEquals(118, d.patients().size(), "119 labelled, 119 imaged; 0070 has no images, 0013 no labels");
        assertEquals(3446, d.slices().size(), "3,478 images and label rows, 32 of each without the other");
        assertEquals(List.of(2734, 712, 0, 0), List.copyOf(d.classCounts().values()), "NORMAL, ICH, SDH, EDH");
        assertEquals(118, d.classPatients().get(HemorrhageClass.ICH), "every patient bleeds");
        assertEquals(712, d.slices().stream().mapToInt(s -> s.boxes().size()).sum());
        assertTrue(d.slices().stream().allMatch(s -> (s.label() == HemorrhageClass.ICH) == !s.boxes().isEmpty()),
                "label 1 = the slice has a box");
        assertEquals(List.of("patient 0013: 32 images but no label rows in labels.csv; skipped",
                        "patient 0070: 32 label rows but no images in images/; skipped"),
                d.problems().stream().map(DataProblem::problem).toList());
    }

    @Test
    void strictReadingFailsOnTheFirstDefectivePatient() {
        // resolved outside assertThrows, so a missing ../shared skips the test instead of failing it
        java.nio.file.Path root = root();
        DataException e = assertThrows(DataException.class,
                () -> DatasetReader.read(root, ReadOptions.defaults().withStrict(true)));
        assertTrue(e.problem().startsWith("patient 0013:"), e.getMessage());
    }
}
