package org.ichnet.data;

import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CtIchReaderTest {

    @TempDir
    Path root;

    private static final ReadOptions SKIP = ReadOptions.defaults();
    private static final ReadOptions STRICT = ReadOptions.defaults().withStrict(true);

    /** Two patients, one folder padded and one not, slices written out of order. */
    private TinyCtIch twoPatients() {
        return TinyCtIch.at(root)
                .slice("049", 2, "01010")
                .slice("049", 1, "00000")
                .slice("049", 10, "00001")
                .slice("7", 1, "10000");
    }

    @Test
    void readsPaddedAndUnpaddedFoldersSortedWithLabels() {
        twoPatients().write();
        CtDataset d = CtIchReader.read(root, SKIP);
        assertEquals(CtDataset.LAYOUT_CT_ICH, d.layout());
        assertEquals(List.of("7/1", "049/1", "049/2", "049/10"), d.slices().stream().map(CtSlice::id).toList());
        assertEquals(List.of("7", "049"), d.patients());
        assertEquals(List.of(HemorrhageClass.ICH, HemorrhageClass.NORMAL, HemorrhageClass.EDH, HemorrhageClass.SDH),
                d.slices().stream().map(CtSlice::label).toList());
        assertEquals(1, d.multiLabelSlices().size());
        assertEquals(List.of(1, 1, 1, 1), List.copyOf(d.classCounts().values()));
        assertEquals(List.of(1, 1, 1, 1), List.copyOf(d.classPatients().values()), "049 has NORMAL, EDH and SDH; 7 has ICH");
        assertTrue(d.problems().isEmpty(), d.problems().toString());
        CtSlice s = d.slices().get(1);
        assertEquals(root.resolve("Patients_CT/049/brain/1.jpg"), s.brainImage());
        assertEquals(root.resolve("Patients_CT/049/bone/1.jpg"), s.boneImage());
        assertNull(s.mask());
    }

    @Test
    void masksAttachToTheirSliceAndAreNeverSlices() {
        twoPatients().write();
        Path mask = root.resolve("Patients_CT/049/brain/10_HGE_Seg.jpg");
        TinyCtIch.writeJpg(mask, 16, 255);
        CtDataset d = CtIchReader.read(root, STRICT);
        assertEquals(4, d.slices().size());
        assertEquals(mask, d.slices().get(3).mask());
    }

    @Test
    void missingRootCsvOrImageFolderAreFatalEvenWhenNotStrict() throws IOException {
        DataException noRoot = assertThrows(DataException.class, () -> CtIchReader.read(root.resolve("nope"), SKIP));
        assertEquals(root.resolve("nope"), noRoot.file());

        Files.createDirectories(root.resolve("Patients_CT"));
        DataException noCsv = assertThrows(DataException.class, () -> DatasetReader.read(root, SKIP));
        assertEquals(root.resolve("hemorrhage_diagnosis.csv"), noCsv.file());

        twoPatients().write();
        deleteTree(root.resolve("Patients_CT"));
        DataException noImages = assertThrows(DataException.class, () -> CtIchReader.read(root, SKIP));
        assertEquals(root.resolve("Patients_CT"), noImages.file());
    }

    @Test
    void csvWithoutNeededColumnsIsFatal() throws IOException {
        twoPatients().write();
        Files.writeString(root.resolve("hemorrhage_diagnosis.csv"), "PatientNumber,Slice,Epidural\r\n49,1,0");
        DataException e = assertThrows(DataException.class, () -> CtIchReader.read(root, SKIP));
        assertTrue(e.getMessage().contains("missing column(s) SliceNumber, Intraventricular, Intraparenchymal, Subarachnoid, Subdural"),
                e.getMessage());
    }

    @Test
    void labelRowWithoutImageIsSkippedOrFatal() {
        twoPatients().labelOnly("49", 3, "00000").write();
        CtDataset d = CtIchReader.read(root, SKIP);
        assertEquals(4, d.slices().size());
        assertEquals(1, d.problems().size());
        assertEquals(root.resolve("Patients_CT/049/brain/3.jpg"), d.problems().get(0).file());
        assertTrue(d.problems().get(0).problem().contains("no image for the label row on line 6"), d.problems().toString());

        DataException e = assertThrows(DataException.class, () -> CtIchReader.read(root, STRICT));
        assertEquals(root.resolve("Patients_CT/049/brain/3.jpg"), e.file());
    }

    @Test
    void patientInCsvWithoutFolderIsOneProblem() {
        twoPatients().labelOnly("51", 1, "00001").labelOnly("51", 2, "00001").write();
        CtDataset d = CtIchReader.read(root, SKIP);
        assertEquals(4, d.slices().size());
        assertEquals(1, d.problems().size());
        assertTrue(d.problems().get(0).problem().contains("no image folder for patient 51 (2 label rows"));
    }

    @Test
    void imageWithoutLabelRowIsSkippedOrFatal() {
        twoPatients().write();
        Path extra = root.resolve("Patients_CT/049/brain/11.jpg");
        TinyCtIch.writeJpg(extra, 16, 9);
        CtDataset d = CtIchReader.read(root, SKIP);
        assertEquals(4, d.slices().size());
        assertEquals(List.of(extra), d.problems().stream().map(DataProblem::file).toList());
        assertEquals(extra, assertThrows(DataException.class, () -> CtIchReader.read(root, STRICT)).file());
    }

    @Test
    void nonImageFilesInSliceFolderAreProblems() throws IOException {
        twoPatients().write();
        Path notes = root.resolve("Patients_CT/049/brain/notes.txt");
        Path foo = root.resolve("Patients_CT/049/bone/foo.jpg");
        Files.writeString(notes, "remember the milk");
        TinyCtIch.writeJpg(foo, 16, 1);
        Files.writeString(root.resolve("Patients_CT/049/brain/.DS_Store"), "hidden files are ignored");
        CtDataset d = CtIchReader.read(root, SKIP);
        assertEquals(4, d.slices().size());
        assertEquals(List.of(notes, foo), d.problems().stream().map(DataProblem::file).toList());
        assertEquals(notes, assertThrows(DataException.class, () -> CtIchReader.read(root, STRICT)).file());
    }

    @Test
    void brainBoneModeSkipsSlicesWithoutBoneImage() throws IOException {
        twoPatients().write();
        Files.delete(root.resolve("Patients_CT/049/bone/2.jpg"));
        CtDataset brainOnly = CtIchReader.read(root, SKIP);
        assertEquals(4, brainOnly.slices().size());
        assertNull(brainOnly.slices().get(2).boneImage());
        assertTrue(brainOnly.problems().isEmpty());

        CtDataset both = CtIchReader.read(root, SKIP.withBone(true));
        assertEquals(List.of("7/1", "049/1", "049/10"), both.slices().stream().map(CtSlice::id).toList());
        assertEquals(root.resolve("Patients_CT/049/bone/2.jpg"), both.problems().get(0).file());
        assertThrows(DataException.class, () -> CtIchReader.read(root, STRICT.withBone(true)));
    }

    @Test
    void twoFoldersForOnePatientAreFatal() throws IOException {
        twoPatients().write();
        Files.createDirectories(root.resolve("Patients_CT/49/brain"));
        assertTrue(assertThrows(DataException.class, () -> CtIchReader.read(root, SKIP)).getMessage()
                .contains("same patient as folder 049"));
    }

    @Test
    void bundledSampleHasAllFourClasses() {
        CtDataset d = DatasetReader.read(TinyCtIch.sample(), STRICT.withBone(true));
        assertEquals(9, d.patients().size());
        assertEquals(239, d.slices().size());
        assertEquals(List.of(160, 17, 33, 29), List.copyOf(d.classCounts().values()));
        assertEquals(List.of(9, 3, 2, 3), List.copyOf(d.classPatients().values()));
        assertEquals("062", d.patients().get(0));
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
