package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Compressed transfer syntaxes against the uncompressed original, on the CT-ICH fixtures that
 * tools/fixtures/make-compressed-dicom.sh made with dcmtk (128x128, see their ATTRIBUTION.md).
 */
class CompressedDicomTest {
    static final Path FIXTURES = Path.of("src/test/resources/dicom-compressed");

    @TempDir
    Path dir;

    static Path fixture(String name) {
        return FIXTURES.resolve(name + ".dcm");
    }

    @Test
    void losslessSyntaxesGiveExactlyTheUncompressedHu() {
        HuSlice original = DicomReader.read(fixture("ct128-s1-explicit"));
        assertEquals(-998f, original.get(0, 0)); // signed int16 HU, as CT-ICH stores them
        for (String[] f : new String[][]{
                {"ct128-s1-jpeg-lossless-sv1", TransferSyntax.JPEG_LOSSLESS_SV1},
                {"ct128-s1-jpeg-lossless", TransferSyntax.JPEG_LOSSLESS},
                {"ct128-s1-jpeg-lossless-fragments", TransferSyntax.JPEG_LOSSLESS_SV1},
                {"ct128-s1-rle", TransferSyntax.RLE_LOSSLESS},
                {"ct128-s1-deflated", TransferSyntax.DEFLATED_EXPLICIT_LE},
                {"ct128-u12-explicit", TransferSyntax.EXPLICIT_LE},
                {"ct128-u12-jpeg-lossless-sv1", TransferSyntax.JPEG_LOSSLESS_SV1}}) {
            Path file = fixture(f[0]);
            assertEquals(f[1], DicomFileMeta.transferSyntax(file), f[0]);
            HuSlice s = DicomReader.read(file);
            assertEquals(128, s.width(), f[0]);
            assertEquals(128, s.height(), f[0]);
            // unsigned 12-bit with intercept -1024 holds these HU (-1016..1758) exactly too
            assertArrayEquals(original.hu(), s.hu(), f[0]);
            assertSameMeta(original.meta(), s.meta(), f[0]);
        }
    }

    /** dcmcjpeg ends this codestream in 0xFF 0xFF 0xD9; TwelveMonkeys alone then returns 0 for the last sample. */
    @Test
    void anUnstuffedFfBeforeTheEndOfImageLosesNoSample() {
        HuSlice original = DicomReader.read(fixture("ct-ich-071_19-bottom36-explicit"));
        HuSlice jpeg = DicomReader.read(fixture("ct-ich-071_19-bottom36-jpeg-lossless-sv1"));
        assertEquals(512, jpeg.width());
        assertEquals(36, jpeg.height());
        assertEquals(-998f, jpeg.get(511, 35));
        assertArrayEquals(original.hu(), jpeg.hu());
        byte[] end = {(byte) 0xFF, (byte) 0xD8, 0x24, (byte) 0xFF, (byte) 0xFF, (byte) 0xD9, 0};
        assertArrayEquals(new byte[]{(byte) 0xFF, (byte) 0xD8, 0x24, (byte) 0xFF, 0, (byte) 0xFF, (byte) 0xD9, 0},
                DicomJpeg.stuffFinalFf(end));
        byte[] stuffed = {(byte) 0xFF, (byte) 0xD8, 0x24, (byte) 0xFF, 0, (byte) 0xFF, (byte) 0xD9};
        assertSame(stuffed, DicomJpeg.stuffFinalFf(stuffed));
    }

    @Test
    void theSecondSliceOfTheSeriesToo() {
        assertArrayEquals(DicomReader.read(fixture("ct128-s2-explicit")).hu(),
                DicomReader.read(fixture("ct128-s2-jpeg-lossless-sv1")).hu());
    }

    /**
     * 8-bit lossy JPEG (quality 90, pixel range rescaled by dcmcjpeg: slope 16.06, intercept -2047): the same HU as
     * dcmtk's own decoder (dcmdjpeg) within one stored step (16.06 HU), and within two 8-bit steps (32 HU) of the
     * 8-bit original on average (measured: 19 HU, most of it the encoder's loss on this 4x-decimated slice).
     */
    @Test
    void lossyEightBitJpegMatchesTheReferenceDecoder() {
        float[] original = DicomReader.read(fixture("ct128-u8-explicit")).hu();
        for (String name : List.of("ct128-u8-jpeg-baseline", "ct128-u8-jpeg-extended")) {
            float[] lossy = DicomReader.read(fixture(name)).hu();
            float[] dcmtk = DicomReader.read(fixture(name + "-dcmdjpeg")).hu();
            double worst = 0, sum = 0;
            for (int i = 0; i < lossy.length; i++) {
                worst = Math.max(worst, Math.abs(lossy[i] - dcmtk[i]));
                sum += Math.abs(lossy[i] - original[i]);
            }
            double mean = sum / lossy.length;
            System.out.printf("%s: max |ichnet - dcmdjpeg| %.2f HU, mean |ichnet - original| %.2f HU%n", name, worst, mean);
            assertTrue(worst <= 16.06, name + ": " + worst + " HU from dcmdjpeg's decoding");
            assertTrue(mean <= 32, name + ": mean error " + mean + " HU against the original");
        }
    }

    @Test
    void rsnaTwelveBitFilesGetTheFixInEverySyntax() {
        float[] original = DicomReader.read(fixture("ct128-s1-explicit")).hu();
        float[] expected = new float[original.length];
        for (int i = 0; i < original.length; i++) expected[i] = Math.max(original[i], -1000);
        for (String name : List.of("ct128-rsna12-explicit", "ct128-rsna12-jpeg-lossless-sv1", "ct128-rsna12-rle")) {
            assertArrayEquals(expected, DicomReader.read(fixture(name)).hu(), name);
        }
    }

    @Test
    void refusedCompressionsStayOneLineErrors() {
        assertRefused(fixture("ct128-s1-jpeg-ls"), "compressed transfer syntax 1.2.840.10008.1.2.4.80 (JPEG-LS Lossless) is not supported");
        assertRefused(fixture("ct128-u12-jpeg-extended"), "lossy JPEG with 12-bit samples is not supported");
    }

    @Test
    void truncatedCompressedFilesAreOneLineErrors() throws IOException {
        byte[] jpeg = Files.readAllBytes(fixture("ct128-s1-jpeg-lossless-sv1"));
        assertRefused(write("cut-in-fragment.dcm", Arrays.copyOf(jpeg, jpeg.length - 4000)),
                "truncated pixel data (fragment 1 claims");
        assertRefused(write("cut-before-delimiter.dcm", Arrays.copyOf(jpeg, jpeg.length - 8)),
                "truncated pixel data (the encapsulated pixel data ends after 1 fragment, with no sequence delimiter)");
        byte[] fragments = Files.readAllBytes(fixture("ct128-s1-jpeg-lossless-fragments"));
        assertRefused(write("cut-fragments.dcm", Arrays.copyOf(fragments, fragments.length - 3000)),
                "truncated pixel data (");
        byte[] rle = Files.readAllBytes(fixture("ct128-s1-rle"));
        assertRefused(write("cut.rle.dcm", Arrays.copyOf(rle, rle.length - 5000)), "truncated pixel data (fragment 1 claims");
        byte[] deflated = Files.readAllBytes(fixture("ct128-s1-deflated"));
        assertRefused(write("cut.deflated.dcm", Arrays.copyOf(deflated, deflated.length / 2)), "truncated deflated data set");
        for (int cut = 140; cut < jpeg.length; cut += 997) {
            Path file = write("cut-" + cut + ".dcm", Arrays.copyOf(jpeg, cut));
            DataException e = assertThrows(DataException.class, () -> DicomReader.read(file), "cut at " + cut);
            assertOneLineNaming(file, e);
        }
    }

    @Test
    void corruptFragmentsAreOneLineErrors() throws IOException {
        byte[] jpeg = Files.readAllBytes(fixture("ct128-s1-jpeg-lossless-sv1"));
        int soi = indexOf(jpeg, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        byte[] noJpeg = jpeg.clone();
        noJpeg[soi] = 0;
        assertRefused(write("no-soi.dcm", noJpeg), "the pixel data fragment is not a JPEG (no start-of-image marker)");

        // a fragment holding only the first half of the codestream, with item lengths that agree
        byte[] half = halfFragment(jpeg);
        DataException e = assertThrows(DataException.class, () -> DicomReader.read(write("half.dcm", half)));
        assertTrue(e.getMessage().contains("corrupt JPEG fragment"), e.getMessage());
        assertOneLineNaming(dir.resolve("half.dcm"), e);

        byte[] item = jpeg.clone();
        int offsetTable = indexOf(item, new byte[]{(byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, 4, 0, 0, 0}); // one 4-byte entry
        item[offsetTable + 8 + 4 + 2] = 0x12; // the fragment item's tag becomes (FFFE,E012)
        assertRefused(write("item.dcm", item), "corrupt encapsulated pixel data (tag (FFFE,E012) at byte");

        byte[] rle = Files.readAllBytes(fixture("ct128-s1-rle"));
        int header = indexOf(rle, new byte[]{2, 0, 0, 0, 64, 0, 0, 0}); // two segments, the first at byte 64
        byte[] oneSegment = rle.clone();
        oneSegment[header] = 1;
        assertRefused(write("segments.dcm", oneSegment), "corrupt RLE frame (1 segments for 2-byte gray samples)");
        byte[] shortSegment = rle.clone();
        shortSegment[header + 8] = (byte) 200; // the second segment starts far too early
        DataException segment = assertThrows(DataException.class, () -> DicomReader.read(write("segment.dcm", shortSegment)));
        assertTrue(segment.getMessage().contains("corrupt RLE frame"), segment.getMessage());
    }

    @Test
    void headerSizesThatDisagreeWithTheCodestreamAreRefused() throws IOException {
        byte[] jpeg = Files.readAllBytes(fixture("ct128-s1-jpeg-lossless-sv1"));
        assertRefused(write("rows.dcm", withRows(jpeg, 64)), "the JPEG frame is 128x128 pixels, the header says 128x64");
        assertRefused(write("huge.dcm", withRows(jpeg, 30000)), "header claims 128x30000 pixels, above the 8192x8192 limit");
        byte[] rle = Files.readAllBytes(fixture("ct128-s1-rle"));
        assertRefused(write("rows.rle.dcm", withRows(rle, 256)), "corrupt RLE frame (segment 1 decodes to");
    }

    static byte[] withRows(byte[] file, int rows) {
        byte[] out = file.clone();
        int at = indexOf(out, new byte[]{0x28, 0, 0x10, 0, 'U', 'S', 2, 0});
        assertTrue(at > 0, "Rows (0028,0010) in the header");
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putShort(at + 8, (short) rows);
        return out;
    }

    /** The file with its single fragment cut to half, lengths adjusted, and the delimiter kept. */
    private static byte[] halfFragment(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int pixelData = indexOf(file, new byte[]{(byte) 0xE0, 0x7F, 0x10, 0, 'O', 'B', 0, 0});
        int table = pixelData + 12;
        int fragment = table + 8 + b.getInt(table + 4);
        int length = b.getInt(fragment + 4), kept = (length / 2) & ~1;
        byte[] out = Arrays.copyOf(file, fragment + 8 + kept + 8);
        ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        o.putInt(fragment + 4, kept);
        o.putShort(fragment + 8 + kept, (short) 0xFFFE).putShort(fragment + 8 + kept + 2, (short) 0xE0DD).putInt(fragment + 8 + kept + 4, 0);
        return out;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertRefused(Path file, String expected) {
        DataException e = assertThrows(DataException.class, () -> DicomReader.read(file), file.toString());
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(expected), e.getMessage());
        assertOneLineNaming(file, e);
    }

    private static void assertOneLineNaming(Path file, DataException e) {
        assertEquals(file, e.file());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static void assertSameMeta(SliceMeta expected, SliceMeta actual, String name) {
        assertEquals("1.2.826.0.1.3680043.10.1234.1", actual.seriesUid(), name);
        assertEquals(expected.seriesUid(), actual.seriesUid(), name);
        assertArrayEquals(expected.positionPatient(), actual.positionPatient(), name);
        assertArrayEquals(new double[]{0, -1, 0, 1, 0, 0}, actual.orientationPatient(), name); // CT-ICH's layout
        assertArrayEquals(expected.orientationPatient(), actual.orientationPatient(), name);
        assertEquals(expected.instanceNumber(), actual.instanceNumber(), name);
        assertEquals(70.0, actual.sliceLocation(), name);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
