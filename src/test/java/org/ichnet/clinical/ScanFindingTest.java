package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@link ScanInputs#find}: scans found without decoding pixels, decoded when read, the same as {@link ScanInputs#collect}. */
class ScanFindingTest {
    @TempDir
    Path dir;

    private static Path png(Path file) throws IOException {
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        return file;
    }

    @Test
    void imagesAreDecodedWhenReadNotWhenFound() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scan"));
        png(folder.resolve("1.png"));
        png(folder.resolve("2.png"));
        Path late = png(folder.resolve("3.png"));
        List<PendingScan> found = ScanInputs.find(List.of(folder));
        assertEquals(1, found.size());
        assertEquals(3, found.get(0).sliceCount());
        assertTrue(found.get(0).problems().isEmpty());
        Files.writeString(late, "spoilt after it was found");
        Scan scan = found.get(0).read(false);
        assertEquals(2, scan.slices().size(), "the pixels are read now, not when found");
        assertEquals(List.of(late), scan.problems().stream().map(DataProblem::file).toList());
        assertThrows(DataException.class, () -> found.get(0).read(true));
    }

    @Test
    void dicomSeriesAreGroupedWhenFoundAndEachReadAsCollectReadsIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("exam"));
        for (int n = 1; n <= 3; n++) SyntheticDicom.inSeries("1.2.3", 4 - n).write(folder.resolve("a" + n + ".dcm"));
        for (int n = 1; n <= 2; n++) SyntheticDicom.inSeries("1.2.4", n).write(folder.resolve("b" + n + ".dcm"));
        Path broken = Files.writeString(folder.resolve("broken.dcm"), "no marker here");
        List<PendingScan> found = ScanInputs.find(List.of(folder));
        assertEquals(List.of("exam_series-1.2.3", "exam_series-1.2.4"), found.stream().map(PendingScan::name).toList());
        assertEquals(List.of(3, 2), found.stream().map(PendingScan::sliceCount).toList());
        assertEquals(List.of(broken), found.get(0).problems().stream().map(DataProblem::file).toList(), "found while grouping, with the first scan");
        assertTrue(found.get(1).problems().isEmpty());
        List<Scan> collected = ScanInputs.collect(List.of(folder), false);
        for (int i = 0; i < found.size(); i++) assertSameScan(collected.get(i), found.get(i).read(false));
        assertEquals(folder.resolve("a3.dcm").toString(), collected.get(0).slices().get(0).label(), "instance 1 first");
        DataException strict = assertThrows(DataException.class, () -> found.get(0).read(true));
        assertEquals(broken, strict.file());
    }

    @Test
    void singleFilesAreCheckedWhenFoundAndDecodedWhenRead() throws IOException {
        Path missing = dir.resolve("missing.png");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        Path corrupt = Files.writeString(dir.resolve("corrupt.png"), "not a png");
        Path nii = new SyntheticNifti(5, 4, 3).write(dir.resolve("head.nii.gz"));
        List<PendingScan> found = ScanInputs.find(List.of(missing, notes, corrupt, nii));
        assertEquals(List.of("no such file or folder"), found.get(0).problems().stream().map(DataProblem::problem).toList());
        assertEquals(List.of("not a JPG, PNG, DICOM or NIfTI file"), found.get(1).problems().stream().map(DataProblem::problem).toList());
        assertTrue(found.get(2).problems().isEmpty(), "a corrupt image is found out when decoded");
        assertEquals(List.of(0, 0, 1, 3), found.stream().map(PendingScan::sliceCount).toList(), "a NIfTI volume counts its header's depth");
        Scan corruptRead = found.get(2).read(false);
        assertTrue(corruptRead.slices().isEmpty());
        assertEquals(corrupt, corruptRead.problems().get(0).file());
        assertEquals(3, found.get(3).read(false).slices().size());
    }

    @Test
    void everyReadDecodesAgain() throws IOException {
        Path image = png(dir.resolve("one.png"));
        PendingScan found = ScanInputs.find(List.of(image)).get(0);
        assertNotSame(found.read(false).slices().get(0).brain(), found.read(false).slices().get(0).brain());
    }

    @Test
    void decodingForABrainWindowModelLeavesTheBoneWindowOutAndTheBrainWindowAsItWas() throws IOException {
        Path series = Files.createDirectories(dir.resolve("series"));
        for (int n = 1; n <= 2; n++) SyntheticDicom.inSeries("1.2.3", n).write(series.resolve(n + ".dcm"));
        Path single = SyntheticDicom.ramp(3, 2, 40).write(dir.resolve("single.dcm"));
        Path nii = new SyntheticNifti(5, 4, 3).write(dir.resolve("head.nii.gz"));
        Path patient = dir.resolve("071");
        png(Files.createDirectories(patient.resolve("brain")).resolve("1.jpg"));
        png(Files.createDirectories(patient.resolve("bone")).resolve("1.jpg"));
        for (PendingScan found : ScanInputs.find(List.of(series, single, nii, patient))) {
            Scan both = found.read(false), brain = found.read(false, Windows.BRAIN);
            assertSameScan(both, brain);
            assertTrue(both.slices().stream().allMatch(s -> s.bone() != null), found.name() + " has a bone window when asked");
            assertTrue(brain.slices().stream().allMatch(s -> s.bone() == null), found.name() + " has none when not");
        }
    }

    private static void assertSameScan(Scan expected, Scan actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.source(), actual.source());
        assertEquals(expected.problems(), actual.problems());
        assertEquals(expected.slices().size(), actual.slices().size());
        for (int i = 0; i < expected.slices().size(); i++) {
            ScanSlice e = expected.slices().get(i), a = actual.slices().get(i);
            assertEquals(e.label(), a.label());
            assertEquals(e.ordinal(), a.ordinal());
            assertArrayEquals(e.brain().pixels(), a.brain().pixels());
        }
    }
}
