package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link DicomReader#readMeta}, the header-only read that groups a folder's DICOM files into series: for every file
 * {@link DicomReader#read} accepts it gives the same {@link SliceMeta}, and it refuses a bad header with read's
 * message, while pixels that do not decode are left for read to find.
 */
class DicomReadMetaTest {
    private static final Path RESOURCES = Path.of("src/test/resources");

    @TempDir
    Path dir;

    @Test
    void theMetaOfEveryDicomFixtureIsTheFullReadsMeta() throws IOException {
        List<Path> files = dicomFiles(RESOURCES);
        files.addAll(dicomFiles(Path.of("sample/ct-ich-dicom")));
        assertTrue(files.size() >= 30, "fixtures found: " + files);
        assertTrue(files.stream().anyMatch(f -> f.toString().contains("dicom-compressed")), "compressed fixtures included");
        // JPEG-LS is refused for its syntax, 12-bit lossy JPEG when decoded: the fixtures of what ichnet refuses
        assertEquals(List.of("ct128-s1-jpeg-ls.dcm", "ct128-u12-jpeg-extended.dcm"), assertSameAsFullRead(files));
    }

    @Test
    void theMetaOfEveryCtIchDicomSliceAndMaskIsTheFullReadsMeta() throws IOException {
        Path shared = SharedData.requireFolder("ct-ich-dicom");
        List<Path> files = dicomFiles(shared);
        assertFalse(files.isEmpty(), "no DICOM files in " + shared);
        assertEquals(List.of(), assertSameAsFullRead(files));
    }

    @Test
    void implicitAndExplicitVrWithAndWithoutEachTagGiveTheFullReadsMeta() throws IOException {
        List<Path> files = new ArrayList<>();
        int n = 0;
        for (String syntax : List.of(SyntheticDicom.IMPLICIT_LE, SyntheticDicom.EXPLICIT_LE)) {
            SyntheticDicom bare = SyntheticDicom.ramp(3, 2, 40);
            bare.transferSyntax = syntax;
            files.add(bare.write(dir.resolve(n++ + ".dcm")));
            SyntheticDicom full = SyntheticDicom.inSeries("1.2.840.99.7", 12);
            full.transferSyntax = syntax;
            full.position = new double[]{-120.5, -118.25, 42.5};
            full.orientation = new double[]{1, 0, 0, 0, 0.9961947, -0.0871557};
            full.sliceLocation = 42.5;
            files.add(full.write(dir.resolve(n++ + ".dcm")));
            SyntheticDicom odd = SyntheticDicom.inSeries("1.2.3", 0);
            odd.transferSyntax = syntax;
            odd.position = new double[]{1, 2}; // two values where three belong: no position
            files.add(odd.write(dir.resolve(n++ + ".dcm")));
        }
        assertEquals(List.of(), assertSameAsFullRead(files));
    }

    @Test
    void aBadHeaderIsRefusedWithTheFullReadsMessage() throws IOException {
        SyntheticDicom frames = SyntheticDicom.ramp(2, 2, 40);
        frames.frames = "3";
        SyntheticDicom bits = SyntheticDicom.ramp(2, 2, 40);
        bits.bitsAllocated = 12;
        SyntheticDicom jpegLs = SyntheticDicom.ramp(2, 2, 40);
        jpegLs.transferSyntax = "1.2.840.10008.1.2.4.80";
        byte[] uncompressed = Files.readAllBytes(SyntheticDicom.ramp(64, 64, 40).write(dir.resolve("whole.dcm")));
        List<Path> bad = List.of(
                Files.writeString(dir.resolve("notes.dcm"), "no DICM marker"),
                frames.write(dir.resolve("frames.dcm")),
                bits.write(dir.resolve("bits.dcm")),
                jpegLs.write(dir.resolve("jpeg-ls.dcm")),
                // shorter than its header says its pixels are, whatever the header's own length
                Files.write(dir.resolve("half.dcm"), Arrays.copyOf(uncompressed, uncompressed.length / 2)),
                dir.resolve("missing.dcm"));
        for (Path file : bad) {
            String message = assertThrows(DataException.class, () -> DicomReader.read(file), file.toString()).getMessage();
            assertEquals(message, assertThrows(DataException.class, () -> DicomReader.readMeta(file), file.toString()).getMessage());
        }
    }

    @Test
    void pixelsThatDoNotDecodeAreLeftToTheFullRead() throws IOException {
        SyntheticDicom garbage = SyntheticDicom.inSeries("1.2.3", 7); // a JPEG fragment of four meaningless bytes
        garbage.transferSyntax = SyntheticDicom.JPEG_LOSSLESS;
        Path garbageFile = garbage.write(dir.resolve("garbage.dcm"));
        assertThrows(DataException.class, () -> DicomReader.read(garbageFile));
        assertEquals(7, DicomReader.readMeta(garbageFile).instanceNumber());
        // the last pixel missing: the header's claim fits the file's size, ImageJ's pixel offset shows the gap
        assertCutPixelsLeftToTheFullRead(SyntheticDicom.inSeries("1.2.3", 8).write(dir.resolve("explicit.dcm")), 2);
        for (String name : List.of("ct128-s1-deflated", "ct128-s1-jpeg-lossless-sv1", "ct128-s1-rle", "ct128-s1-j2k-lossless")) {
            assertCutPixelsLeftToTheFullRead(CompressedDicomTest.fixture(name), 2000);
        }
    }

    private void assertCutPixelsLeftToTheFullRead(Path whole, int cutBytes) throws IOException {
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut-" + whole.getFileName()), Arrays.copyOf(bytes, bytes.length - cutBytes));
        assertThrows(DataException.class, () -> DicomReader.read(cut), cut.toString());
        assertSameMeta(DicomReader.read(whole).meta(), DicomReader.readMeta(cut), cut);
    }

    /**
     * Every file the full read accepts has the same meta read alone; every header it refuses is refused with the same
     * message (pixels it refuses may pass the header-only read). Returns the files the full read refuses.
     */
    private static List<String> assertSameAsFullRead(List<Path> files) {
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            HuSlice slice;
            try {
                slice = DicomReader.read(file);
            } catch (DataException e) {
                refused.add(file.getFileName().toString());
                try {
                    DicomReader.readMeta(file);
                } catch (DataException headerRefused) {
                    assertEquals(e.getMessage(), headerRefused.getMessage());
                }
                continue;
            }
            assertSameMeta(slice.meta(), DicomReader.readMeta(file), file);
        }
        return refused;
    }

    private static void assertSameMeta(SliceMeta expected, SliceMeta actual, Path file) {
        String where = file.toString();
        assertEquals(expected.seriesUid(), actual.seriesUid(), where);
        assertArrayEquals(expected.positionPatient(), actual.positionPatient(), where);
        assertArrayEquals(expected.orientationPatient(), actual.orientationPatient(), where);
        assertEquals(expected.instanceNumber(), actual.instanceNumber(), where);
        assertEquals(expected.sliceLocation(), actual.sliceLocation(), where); // NaN equals NaN here
    }

    private static List<Path> dicomFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).filter(DicomSeries::isDicom).sorted().toList());
        }
    }
}
