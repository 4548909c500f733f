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
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ScanInputsTest {
    @TempDir
    Path dir;

    private Path png(Path file, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) image.setRGB(x, y, rgb);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private Path imageFolderWithACorruptJpg() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scan7"));
        png(folder.resolve("10.png"), 0xffffff);
        png(folder.resolve("2.png"), 0x808080);
        png(folder.resolve("2_HGE_Seg.png"), 0xffffff); // a CT-ICH mask beside its slice: not a slice
        Files.write(folder.resolve("5.jpg"), new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x01});
        Files.writeString(folder.resolve("notes.txt"), "ignored: not an image");
        return folder;
    }

    @Test
    void imageFolderSkipsTheCorruptFileAndSaysSo() throws IOException {
        Path folder = imageFolderWithACorruptJpg();
        List<Scan> scans = ScanInputs.collect(List.of(folder), false);
        assertEquals(1, scans.size());
        Scan scan = scans.get(0);
        assertEquals("scan7", scan.name());
        assertEquals(List.of(folder.resolve("2.png").toString(), folder.resolve("10.png").toString()),
                scan.slices().stream().map(ScanSlice::label).toList());
        assertEquals(128 / 255f, scan.slices().get(0).brain().get(0, 0), 1e-6f);
        assertNull(scan.slices().get(0).bone());
        assertEquals(1, scan.problems().size());
        DataProblem problem = scan.problems().get(0);
        assertEquals(folder.resolve("5.jpg"), problem.file());
        assertFalse(problem.problem().startsWith(folder.toString()), problem.problem());
    }

    @Test
    void strictModeThrowsForTheCorruptFile() throws IOException {
        Path folder = imageFolderWithACorruptJpg();
        DataException e = assertThrows(DataException.class, () -> ScanInputs.collect(List.of(folder), true));
        assertEquals(folder.resolve("5.jpg"), e.file());
    }

    @Test
    void dicomFolderBecomesOneWindowedSeriesAndSkipsAFakeDcm() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("series"));
        for (int n = 0; n < 2; n++) {
            SyntheticDicom d = SyntheticDicom.ramp(3, 2, 40 + 60 * n); // 40 HU: mid-grey in the brain window
            d.instanceNumber = 2 - n;
            d.write(folder.resolve("s" + n + ".dcm"));
        }
        Files.writeString(folder.resolve("broken.dcm"), "no marker here");
        Scan scan = ScanInputs.collect(List.of(folder), false).get(0);
        assertEquals(2, scan.slices().size());
        ScanSlice first = scan.slices().get(0);
        assertEquals(folder.resolve("s1.dcm").toString(), first.label()); // instance 1
        assertEquals(2, first.brain().width()); // 3x2 turned a quarter: CT-ICH orientation
        assertNotNull(first.bone());
        assertEquals(List.of(folder.resolve("broken.dcm")), scan.problems().stream().map(DataProblem::file).toList());
        assertThrows(DataException.class, () -> ScanInputs.collect(List.of(folder), true));
    }

    @Test
    void twoSeriesInOneFolderBecomeTwoScansWithTheirOwnSlices() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("exam"));
        for (int n = 1; n <= 3; n++) SyntheticDicom.inSeries("1.2.3", n).write(folder.resolve("a" + n + ".dcm"));
        for (int n = 1; n <= 2; n++) SyntheticDicom.inSeries("1.2.4", n).write(folder.resolve("b" + n + ".dcm"));
        Files.writeString(folder.resolve("broken.dcm"), "no marker here");
        List<Scan> scans = ScanInputs.collect(List.of(folder), false);
        assertEquals(List.of("exam_series-1.2.3", "exam_series-1.2.4"), scans.stream().map(Scan::name).toList());
        assertEquals(List.of(3, 2), scans.stream().map(s -> s.slices().size()).toList());
        assertTrue(scans.get(1).slices().stream().allMatch(s -> Path.of(s.label()).getFileName().toString().startsWith("b")), "series 1.2.4 holds only b*.dcm");
        assertEquals(1, scans.stream().mapToInt(s -> s.problems().size()).sum(), "the unreadable file is reported once");
    }

    @Test
    void aCtIchPatientFolderPairsEachBrainJpgWithItsBoneJpg() throws IOException {
        // PNG content under .jpg names: the decoder goes by content, the folder by extension
        Path patient = dir.resolve("071");
        Path brain = Files.createDirectories(patient.resolve("brain")), bone = Files.createDirectories(patient.resolve("bone"));
        for (int n : new int[]{1, 2, 10}) png(brain.resolve(n + ".jpg"), 40 * 0x010101);
        png(brain.resolve("2_HGE_Seg.jpg"), 255 * 0x010101); // a mask, not a slice
        png(bone.resolve("1.jpg"), 200 * 0x010101);
        png(bone.resolve("10.jpg"), 200 * 0x010101);
        Scan scan = ScanInputs.collect(List.of(patient), false).get(0);
        assertEquals("071", scan.name());
        assertEquals(List.of(brain.resolve("1.jpg").toString(), brain.resolve("2.jpg").toString(), brain.resolve("10.jpg").toString()),
                scan.slices().stream().map(ScanSlice::label).toList());
        assertNotNull(scan.slices().get(0).bone());
        assertEquals(200 / 255f, scan.slices().get(0).bone().get(0, 0), 0.02f);
        assertNull(scan.slices().get(1).bone(), "no bone JPG beside 2.jpg");
        assertTrue(scan.problems().isEmpty(), scan.problems().toString());
    }

    @Test
    void neighbourChannelsDoNotBridgeAnUnreadableSliceOfADicomSeries() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("gap"));
        for (int n = 1; n <= 3; n++) {
            SyntheticDicom d = SyntheticDicom.ramp(2, 2, 40);
            d.instanceNumber = n;
            d.write(folder.resolve("s" + n + ".dcm"));
        }
        Files.writeString(folder.resolve("s2.dcm"), "overwritten: no longer DICOM"); // the middle slice
        List<ScanSlice> slices = ScanInputs.collect(List.of(folder), false).get(0).slices();
        assertEquals(2, slices.size());
        assertFalse(slices.get(0).adjoins(slices.get(1), +1), "instances 1 and 3 are not neighbours");
    }

    @Test
    void aSliceWhosePixelsDoNotDecodeIsReportedOnceWhenReadAndLeavesAGap() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("broken-pixels"));
        for (int n = 1; n <= 5; n++) {
            SyntheticDicom d = SyntheticDicom.inSeries("1.2.3", n);
            d.position = new double[]{0, 0, 5 * n};
            if (n == 2) d.transferSyntax = SyntheticDicom.JPEG_LOSSLESS; // a sound header, a fragment of garbage for pixels
            d.write(folder.resolve("s" + n + ".dcm"));
        }
        Path garbage = folder.resolve("s2.dcm"), cut = folder.resolve("s4.dcm");
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(whole, whole.length - 2)); // the header's claim still fits: its last pixel is missing
        List<PendingScan> found = ScanInputs.find(List.of(folder));
        assertEquals(1, found.size());
        assertEquals(5, found.get(0).sliceCount(), "both headers are read");
        assertTrue(found.get(0).problems().isEmpty(), "no pixel is decoded when found");
        Scan scan = found.get(0).read(false);
        assertEquals(List.of(garbage, cut), scan.problems().stream().map(DataProblem::file).toList(), "each reported once, when read");
        List<ScanSlice> slices = scan.slices();
        assertEquals(List.of("s1.dcm", "s3.dcm", "s5.dcm"), slices.stream().map(s -> Path.of(s.label()).getFileName().toString()).toList());
        assertFalse(slices.get(0).adjoins(slices.get(1), +1), "the place of s2 stays an empty gap");
        assertFalse(slices.get(1).adjoins(slices.get(2), +1), "the place of s4 stays an empty gap");
        assertEquals(garbage, assertThrows(DataException.class, () -> found.get(0).read(true)).file());
    }

    @Test
    void aShortUncompressedSliceIsRefusedFromItsHeaderWhenFoundAndReportedOnce() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("short"));
        for (int n = 1; n <= 3; n++) SyntheticDicom.inSeries("1.2.3", n).write(folder.resolve("s" + n + ".dcm"));
        SyntheticDicom larger = SyntheticDicom.ramp(64, 64, 40);
        larger.seriesUid = "1.2.3";
        larger.instanceNumber = 2;
        Path half = larger.write(folder.resolve("s2.dcm"));
        byte[] whole = Files.readAllBytes(half);
        Files.write(half, Arrays.copyOf(whole, whole.length / 2)); // fewer bytes than its header says its pixels take
        List<PendingScan> found = ScanInputs.find(List.of(folder));
        assertEquals(List.of(half), found.get(0).problems().stream().map(DataProblem::file).toList(), "found with the header");
        Scan scan = found.get(0).read(false);
        assertEquals(List.of(half), scan.problems().stream().map(DataProblem::file).toList(), "and only then");
        assertEquals(2, scan.slices().size());
    }

    @Test
    void singleFilesAndVolumes() throws IOException {
        Path png = png(dir.resolve("one.png"), 0x000000);
        Path dcm = SyntheticDicom.ramp(4, 4, 40).write(dir.resolve("slice.dcm"));
        Path nii = new SyntheticNifti(5, 4, 3).write(dir.resolve("head.nii.gz"));
        List<Scan> scans = ScanInputs.collect(List.of(png, dcm, nii), false);
        assertEquals(List.of("one", "slice", "head"), scans.stream().map(Scan::name).toList());
        assertEquals(1, scans.get(0).slices().size());
        assertEquals(1, scans.get(1).slices().size());
        // the 40 HU top-left pixel lands bottom-left after a counter-clockwise quarter turn
        assertEquals(0.5f, scans.get(1).slices().get(0).brain().get(0, 3), 1e-6f);
        Scan volume = scans.get(2);
        assertEquals(3, volume.slices().size());
        assertEquals(nii + "#2", volume.slices().get(2).label());
        assertTrue(scans.stream().allMatch(s -> s.problems().isEmpty()));
    }

    @Test
    void unreadableInputsBecomeProblemsNotSilence() throws IOException {
        Path missing = dir.resolve("missing.dcm");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        png(mixed.resolve("a.png"), 0);
        SyntheticDicom.ramp(2, 2, 0).write(mixed.resolve("b.dcm"));
        List<Scan> scans = ScanInputs.collect(List.of(missing, text, mixed), false);
        assertEquals("no such file or folder", scans.get(0).problems().get(0).problem());
        assertEquals("not a JPG, PNG, DICOM or NIfTI file", scans.get(1).problems().get(0).problem());
        assertTrue(scans.get(2).problems().get(0).problem().startsWith("folder mixes 1 JPG/PNG and 1 DICOM files"));
        assertTrue(scans.stream().allMatch(s -> s.slices().isEmpty()));
    }
}
