package org.ichnet.data;

import org.ichnet.testing.PheSichFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PheSichReaderTest {

    private static final Path TINY = PheSichFixture.tiny();

    @Test
    void readsLabelledPatientsWithImagesAsIchOrNormalAndTheirBoxes() {
        CtDataset d = DatasetReader.read(TINY, ReadOptions.defaults());
        assertEquals(CtDataset.LAYOUT_PHE_SICH, d.layout());
        assertEquals(List.of("0001", "0002"), d.patients());
        assertEquals(List.of("0001/0", "0001/1", "0001/2", "0002/0", "0002/1"), d.slices().stream().map(CtSlice::id).toList());
        assertEquals(List.of(HemorrhageClass.NORMAL, HemorrhageClass.ICH, HemorrhageClass.NORMAL, HemorrhageClass.ICH,
                HemorrhageClass.NORMAL), d.slices().stream().map(CtSlice::label).toList());
        assertTrue(d.slices().get(1).flags().intraparenchymal());
        assertFalse(d.slices().get(0).flags().anyHemorrhage());
        assertEquals(TINY.resolve("images/0001_01.png"), d.slices().get(1).brainImage());
        assertNull(d.slices().get(1).boneImage());
        assertEquals(List.of(new LesionBox(2, 1.5, 6, 5, 8, 8)), d.slices().get(1).boxes());
        assertEquals(2, d.slices().get(3).boxes().size());
        assertEquals(List.of(), d.slices().get(0).boxes());
    }

    @Test
    void aLabelledPatientWithoutImagesAndAnImagedPatientWithoutLabelsAreOneProblemEach() {
        List<DataProblem> problems = DatasetReader.read(TINY, ReadOptions.defaults()).problems();
        assertEquals(List.of(
                new DataProblem(TINY.resolve("labels.csv"), "patient 0003: 2 label rows but no images in images/; skipped"),
                new DataProblem(TINY.resolve("images"), "patient 0004: 2 images but no label rows in labels.csv; skipped")),
                problems);
    }

    @Test
    void strictReadingStopsAtTheFirstDefect() {
        DataException e = assertThrows(DataException.class,
                () -> DatasetReader.read(TINY, ReadOptions.defaults().withStrict(true)));
        assertEquals(TINY.resolve("labels.csv"), e.file());
        assertTrue(e.problem().startsWith("patient 0003:"), e.getMessage());
    }

    @Test
    void brainBoneInputIsRefused() {
        DataException e = assertThrows(DataException.class, () -> PheSichReader.read(TINY, ReadOptions.defaults().withBone(true)));
        assertTrue(e.problem().contains("no bone window"), e.getMessage());
    }

    @Test
    void aBadLabelIsFatalNamingFileAndLine(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("images"));
        Files.writeString(root.resolve("labels.csv"), "filename,label\n0001_00.png,0\n0001_01.png,2\n");
        DataException e = assertThrows(DataException.class, () -> DatasetReader.read(root, ReadOptions.defaults()));
        assertEquals(root.resolve("labels.csv") + ": line 3: label must be 0 or 1, got '2'", e.getMessage());
    }

    @Test
    void withinAPatientAMissingImageOrLabelIsOneProblemPerSlice(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("images"));
        for (String name : List.of("0001_00.png", "0001_01.png", "0001_02.png")) {
            Files.copy(TINY.resolve("images/0001_00.png"), root.resolve("images").resolve(name));
        }
        Files.writeString(root.resolve("labels.csv"), "filename,label\n0001_00.png,0\n0001_01.png,1\n0001_03.png,0\n");
        CtDataset d = DatasetReader.read(root, ReadOptions.defaults());
        assertEquals(List.of("0001/0", "0001/1"), d.slices().stream().map(CtSlice::id).toList());
        assertEquals(List.of(
                new DataProblem(root.resolve("images/0001_03.png"), "no image for the label row on line 4 of labels.csv; slice skipped"),
                new DataProblem(root.resolve("images/0001_02.png"), "image has no label row in labels.csv; ignored")),
                d.problems());
    }

    @Test
    void aStrayFileInTheImageFolderIsAProblemNotAPatient(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("images"));
        Files.copy(TINY.resolve("images/0001_00.png"), root.resolve("images/0001_00.png"));
        Files.writeString(root.resolve("images/notes.txt"), "x");
        Files.writeString(root.resolve("labels.csv"), "filename,label\n0001_00.png,0\n");
        CtDataset d = DatasetReader.read(root, ReadOptions.defaults());
        assertEquals(1, d.slices().size());
        assertEquals(List.of(root.resolve("images/notes.txt")), d.problems().stream().map(DataProblem::file).toList());
    }
}
