package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DicomReaderTest {
    @TempDir
    Path dir;

    @Test
    void signedStoredValuesAreHuWithoutRescale() throws IOException {
        HuSlice s = DicomReader.read(SyntheticDicom.ramp(4, 3, -1000).write(dir.resolve("a.dcm")));
        assertEquals(4, s.width());
        assertEquals(3, s.height());
        assertEquals(-1000f, s.get(0, 0));
        assertEquals(-1000f + 4 * 2 + 3, s.get(3, 2));
    }

    @Test
    void unsignedWithInterceptIsShifted() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(4, 4, 0);
        d.signed = false;
        d.intercept = -1024.0;
        d.slope = 1.0;
        HuSlice s = DicomReader.read(d.write(dir.resolve("a.dcm")));
        assertEquals(-1024f, s.get(0, 0));
        assertEquals(-1024f + 15, s.get(3, 3));
    }

    @Test
    void slopeAndInterceptBothApplyInImplicitVr() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(4, 4, 0);
        d.transferSyntax = SyntheticDicom.IMPLICIT_LE;
        d.signed = false;
        d.intercept = -1024.0;
        d.slope = 2.0;
        HuSlice s = DicomReader.read(d.write(dir.resolve("a.dcm")));
        assertEquals(-1024f, s.get(0, 0));
        assertEquals(-1024f + 2 * 5, s.get(1, 1));
    }

    /** ImageJ leaves the slope out of its calibration when the intercept is zero. */
    @Test
    void slopeAppliesWhenInterceptIsZero() throws IOException {
        SyntheticDicom signed = SyntheticDicom.ramp(4, 4, 5);
        signed.slope = 2.0;
        assertEquals(10f, DicomReader.read(signed.write(dir.resolve("s.dcm"))).get(0, 0));
        SyntheticDicom unsigned = SyntheticDicom.ramp(4, 4, 8);
        unsigned.signed = false;
        unsigned.slope = 0.5;
        assertEquals(4.5f, DicomReader.read(unsigned.write(dir.resolve("u.dcm"))).get(1, 0));
    }

    /** MONOCHROME1 is a display instruction; the rescaled values are the HU either way. */
    @Test
    void monochrome1GivesTheSameHuAsMonochrome2() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(4, 4, 0);
        d.signed = false;
        d.intercept = -1024.0;
        d.slope = 1.0;
        float[] mono2 = DicomReader.read(d.write(dir.resolve("m2.dcm"))).hu();
        d.photometric = "MONOCHROME1";
        float[] mono1 = DicomReader.read(d.write(dir.resolve("m1.dcm"))).hu();
        assertArrayEquals(mono2, mono1);
        assertEquals(-1024f, mono1[0]);
    }

    @Test
    void readsPositionOrientationInstanceAndSeries() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(2, 2, 0);
        d.seriesUid = "1.2.826.5";
        d.instanceNumber = 7;
        d.position = new double[]{-120.5, 10, 33.25};
        d.orientation = new double[]{1, 0, 0, 0, 1, 0};
        d.sliceLocation = 33.25;
        SliceMeta m = DicomReader.read(d.write(dir.resolve("a.dcm"))).meta();
        assertEquals("1.2.826.5", m.seriesUid());
        assertEquals(7, m.instanceNumber());
        assertArrayEquals(new double[]{-120.5, 10, 33.25}, m.positionPatient());
        assertArrayEquals(new double[]{1, 0, 0, 0, 1, 0}, m.orientationPatient());
        assertEquals(33.25, m.sliceLocation());
    }

    @Test
    void missingTagsGiveNoneValues() throws IOException {
        SliceMeta m = DicomReader.read(SyntheticDicom.ramp(2, 2, 0).write(dir.resolve("a.dcm"))).meta();
        assertNull(m.positionPatient());
        assertEquals(-1, m.instanceNumber());
        assertTrue(Double.isNaN(m.sliceLocation()));
    }

    @Test
    void refusedSyntaxesAreNamedOnOneLine() throws IOException {
        for (String[] syntax : new String[][]{
                {"1.2.840.10008.1.2.4.80", "compressed transfer syntax 1.2.840.10008.1.2.4.80 (JPEG-LS Lossless)"},
                {"1.2.840.10008.1.2.4.81", "compressed transfer syntax 1.2.840.10008.1.2.4.81 (JPEG-LS Near-Lossless)"},
                {"1.2.840.10008.1.2.2", "transfer syntax 1.2.840.10008.1.2.2 (Explicit VR Big Endian)"}}) {
            SyntheticDicom d = SyntheticDicom.ramp(4, 4, 0);
            d.transferSyntax = syntax[0];
            Path file = d.write(dir.resolve("refused.dcm"));
            DataException e = assertThrows(DataException.class, () -> DicomReader.read(file));
            assertEquals(file + ": " + syntax[1] + " is not supported", e.getMessage());
        }
    }

    /** A damaged transfer syntax value (binary, a line break) is refused without echoing it. */
    @Test
    void aTransferSyntaxThatIsNoUidIsRefusedOnOneLine() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(4, 4, 0);
        d.transferSyntax = "1.2.840\n\u0001\u00ff.2";
        Path file = d.write(dir.resolve("damaged.dcm"));
        for (var read : List.<Runnable>of(() -> DicomReader.read(file), () -> DicomReader.readMeta(file))) {
            DataException e = assertThrows(DataException.class, read::run);
            assertEquals(file + ": DICOM transfer syntax (0002,0010) is not a UID", e.getMessage());
        }
    }

    /** A supported compressed syntax whose one fragment holds no JPEG. */
    @Test
    void aFragmentThatIsNoJpegIsNamed() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(4, 4, 0);
        d.transferSyntax = SyntheticDicom.JPEG_LOSSLESS;
        Path file = d.write(dir.resolve("jpeg.dcm"));
        DataException e = assertThrows(DataException.class, () -> DicomReader.read(file));
        assertEquals(file + ": the pixel data fragment is not a JPEG (no start-of-image marker)", e.getMessage());
    }

    /** The same for JPEG 2000: the fragment must start with a codestream's SOC and SIZ markers. */
    @Test
    void aFragmentThatIsNoJpeg2000CodestreamIsNamed() throws IOException {
        for (String syntax : new String[]{"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"}) {
            SyntheticDicom d = SyntheticDicom.ramp(4, 4, 0);
            d.transferSyntax = syntax;
            Path file = d.write(dir.resolve("j2k.dcm"));
            DataException e = assertThrows(DataException.class, () -> DicomReader.read(file));
            assertEquals(file + ": the pixel data fragment is not a JPEG 2000 codestream (no SOC and SIZ markers)", e.getMessage());
        }
    }

    /** The RSNA 2019 defect (BitsStored 12, unsigned, intercept above -100) is fixed in uncompressed files too. */
    @Test
    void rsnaTwelveBitUnsignedValuesGetTheFix() throws IOException {
        // 12-bit two's complement of -1000, -1, 0, 40, 2000 and 1500 HU
        short[] raw = {(short) 3096, (short) 4095, 0, 40, (short) 2000, 1500};
        SyntheticDicom d = new SyntheticDicom(3, 2, raw);
        d.signed = false;
        d.bitsStored = 12;
        d.intercept = 0.0;
        d.slope = 1.0;
        assertArrayEquals(new float[]{-1000, -1, 0, 40, 2000, 1500}, DicomReader.read(d.write(dir.resolve("rsna.dcm"))).hu());
        d.intercept = -1024.0; // a healthy 12-bit file: stored + intercept
        assertArrayEquals(new float[]{3096 - 1024, 4095 - 1024, -1024, 40 - 1024, 2000 - 1024, 1500 - 1024},
                DicomReader.read(d.write(dir.resolve("healthy.dcm"))).hu());
    }

    /** Words with bits above BitsStored are taken whole: sign-extended values and out-of-range padding stay what they are. */
    @Test
    void wordsBeyondBitsStoredAreTakenWhole() throws IOException {
        short[] raw = {(short) -3024, (short) -1000, 40, (short) 0x0FFF};
        SyntheticDicom d = new SyntheticDicom(2, 2, raw);
        d.signed = true;
        d.bitsStored = 12;
        d.intercept = 0.0;
        d.slope = 1.0;
        // -3024 (padding) and -1000 as written; 0x0FFF has no bits above 12: 12-bit two's complement, -1
        assertArrayEquals(new float[]{-3024, -1000, 40, -1}, DicomReader.read(d.write(dir.resolve("signed12.dcm"))).hu());
    }

    @Test
    void nonDicomFileIsRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.dcm"), "not a DICOM file at all\n".repeat(10));
        DataException e = assertThrows(DataException.class, () -> DicomReader.read(file));
        assertEquals(file + ": not a DICOM file (no DICM marker at byte 128)", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void truncatedPixelDataIsRejected() throws IOException {
        Path good = SyntheticDicom.ramp(8, 8, 0).write(dir.resolve("good.dcm"));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(bytes, bytes.length - 10));
        DataException e = assertThrows(DataException.class, () -> DicomReader.read(cut));
        assertTrue(e.getMessage().contains("truncated pixel data"), e.getMessage());
    }

    /** A file that passes the DICM check but has a broken data set reaches ImageJ, which must stay quiet. */
    @Test
    void brokenDataSetFailsWithoutImageJPrinting() throws IOException {
        Path good = SyntheticDicom.ramp(8, 8, 0).write(dir.resolve("good.dcm"));
        byte[] head = Arrays.copyOf(Files.readAllBytes(good), 200);
        Path broken = Files.write(dir.resolve("broken.dcm"), head);
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured));
            System.setErr(new PrintStream(captured));
            assertThrows(DataException.class, () -> DicomReader.read(broken));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", captured.toString());
    }

    /** Header values ImageJ would trust are checked first: one line naming the file, nothing printed, no allocation. */
    @Test
    void absurdPixelHeadersAreRefusedBeforeImageJ() throws IOException {
        assertRefused("huge.dcm", SyntheticDicom.ramp(4, 4, 0), d -> { }, 65000, 65000, "65000x65000 pixels, above the 8192x8192 limit");
        assertRefused("huge-implicit.dcm", SyntheticDicom.ramp(4, 4, 0), d -> d.transferSyntax = SyntheticDicom.IMPLICIT_LE,
                30000, 30000, "30000x30000 pixels");
        assertRefused("claims-more.dcm", SyntheticDicom.ramp(4, 4, 0), d -> { }, 4000, 4000,
                "truncated pixel data (the header claims 32000000 bytes");
        assertRefused("bits.dcm", SyntheticDicom.ramp(4, 4, 0), d -> d.bitsAllocated = 12, 4, 4, "BitsAllocated 12 is not supported");
        assertRefused("frames.dcm", SyntheticDicom.ramp(4, 4, 0), d -> d.frames = "400", 4, 4, "multi-frame DICOM (400 frames)");
    }

    private void assertRefused(String name, SyntheticDicom pixels, java.util.function.Consumer<SyntheticDicom> edit,
                               int claimedWidth, int claimedHeight, String expected) throws IOException {
        SyntheticDicom d = new SyntheticDicom(claimedWidth, claimedHeight, ramp16(pixels));
        edit.accept(d);
        Path file = d.write(dir.resolve(name));
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        DataException e;
        try {
            System.setOut(new PrintStream(captured));
            System.setErr(new PrintStream(captured));
            e = assertThrows(DataException.class, () -> DicomReader.read(file), name);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(file, e.file(), name);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals("", captured.toString(), name);
    }

    /** The 16 raw pixels of a 4x4 ramp, whatever the header then claims. */
    private static short[] ramp16(SyntheticDicom ignored) {
        short[] raw = new short[16];
        for (int i = 0; i < raw.length; i++) raw[i] = (short) i;
        return raw;
    }
}
