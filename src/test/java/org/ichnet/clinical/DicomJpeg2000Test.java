package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.ichnet.clinical.CompressedDicomTest.fixture;
import static org.ichnet.clinical.CompressedDicomTest.indexOf;
import static org.junit.jupiter.api.Assertions.*;

/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 and .91) against the uncompressed original, on the CT-ICH fixtures that
 * tools/fixtures/make-compressed-dicom.sh made with GDCM (OpenJPEG inside), and on codestreams cut or corrupted here.
 */
class DicomJpeg2000Test {
    private static final int SIZ = 2, SOT = 124; // where GDCM's codestreams of these fixtures have them

    @TempDir
    Path dir;

    @Test
    void losslessCodestreamsGiveExactlyTheUncompressedHu() {
        HuSlice original = DicomReader.read(fixture("ct128-s1-explicit"));
        for (String[] f : new String[][]{
                {"ct128-s1-j2k-lossless", TransferSyntax.JPEG_2000_LOSSLESS}, // signed 16-bit samples
                {"ct128-u12-j2k-lossless", TransferSyntax.JPEG_2000_LOSSLESS}, // unsigned, precision 16 for BitsStored 12
                {"ct128-s1-j2k-tiles", TransferSyntax.JPEG_2000}}) { // reversible, four 64x64 tiles, padded fragment
            Path file = fixture(f[0]);
            assertEquals(f[1], DicomFileMeta.transferSyntax(file), f[0]);
            HuSlice s = DicomReader.read(file);
            assertEquals(128, s.width(), f[0]);
            assertEquals(128, s.height(), f[0]);
            assertArrayEquals(original.hu(), s.hu(), f[0]);
            assertEquals(original.meta().seriesUid(), s.meta().seriesUid(), f[0]);
            assertArrayEquals(original.meta().positionPatient(), s.meta().positionPatient(), f[0]);
            assertEquals(70.0, s.meta().sliceLocation(), f[0]);
        }
        // 8-bit samples (BitsAllocated 8, slope 16)
        assertArrayEquals(DicomReader.read(fixture("ct128-u8-explicit")).hu(), DicomReader.read(fixture("ct128-u8-j2k-lossless")).hu());
    }

    @Test
    void rsnaTwelveBitFilesGetTheFix() {
        assertArrayEquals(DicomReader.read(fixture("ct128-rsna12-explicit")).hu(),
                DicomReader.read(fixture("ct128-rsna12-j2k-lossless")).hu());
    }

    /**
     * Irreversible 9/7 wavelet at rate 10 (10:1): JJ2000's HU against GDCM's decoding of the same codestream (OpenJPEG)
     * within 1 HU (the two round differently; measured: 1 HU at most), and against the original within a mean of
     * 10 HU and a maximum of 80 HU (measured: 6.7 and 50 HU, the encoder's loss; brain is 20-45 HU, blood 50-90).
     */
    @Test
    void lossyCodestreamMatchesTheReferenceDecoderAndStaysNearTheOriginal() {
        Path file = fixture("ct128-s1-j2k-lossy");
        assertEquals(TransferSyntax.JPEG_2000, DicomFileMeta.transferSyntax(file));
        float[] lossy = DicomReader.read(file).hu();
        float[] gdcm = DicomReader.read(fixture("ct128-s1-j2k-lossy-gdcm")).hu();
        float[] original = DicomReader.read(fixture("ct128-s1-explicit")).hu();
        double worstGdcm = 0, worst = 0, sum = 0;
        for (int i = 0; i < lossy.length; i++) {
            worstGdcm = Math.max(worstGdcm, Math.abs(lossy[i] - gdcm[i]));
            worst = Math.max(worst, Math.abs(lossy[i] - original[i]));
            sum += Math.abs(lossy[i] - original[i]);
        }
        double mean = sum / lossy.length;
        System.out.printf("ct128-s1-j2k-lossy: max |ichnet - gdcm| %.0f HU; |ichnet - original| mean %.2f, max %.0f HU%n",
                worstGdcm, mean, worst);
        assertTrue(worstGdcm <= 1, worstGdcm + " HU from GDCM's decoding");
        assertTrue(mean <= 10, "mean error " + mean + " HU against the original");
        assertTrue(worst <= 80, "largest error " + worst + " HU against the original");
    }

    @Test
    void truncatedCodestreamsAreOneLineErrors() throws IOException {
        byte[] file = Files.readAllBytes(fixture("ct128-s1-j2k-lossless"));
        byte[] codestream = frame(file);
        assertRefused(write("half.dcm", withFrame(file, Arrays.copyOf(codestream, codestream.length / 2))),
                "truncated JPEG 2000 codestream (a tile-part claims 13250 bytes, 6564 are left)");
        assertRefused(write("no-eoc.dcm", withFrame(file, Arrays.copyOf(codestream, codestream.length - 2))),
                "truncated JPEG 2000 codestream (before its end-of-codestream marker)");
        assertRefused(write("main-header.dcm", withFrame(file, Arrays.copyOf(codestream, 100))),
                "truncated JPEG 2000 codestream (in its main header)");
        assertRefused(write("siz.dcm", withFrame(file, Arrays.copyOf(codestream, 30))),
                "truncated JPEG 2000 codestream (in its SIZ marker)");
        // the last tile-part running to the end (Psot 0): its end-of-codestream marker is what says it is whole
        byte[] open = codestream.clone();
        ByteBuffer.wrap(open).putInt(SOT + 6, 0);
        assertArrayEquals(DicomReader.read(fixture("ct128-s1-explicit")).hu(), DicomReader.read(write("psot0.dcm", withFrame(file, open))).hu());
        assertRefused(write("psot0-cut.dcm", withFrame(file, Arrays.copyOf(open, open.length - 500))),
                "truncated JPEG 2000 codestream (before its end-of-codestream marker)");
        // the tiled codestream without its last tile-part
        byte[] tiled = Files.readAllBytes(fixture("ct128-s1-j2k-tiles"));
        byte[] tiles = frame(tiled);
        int last = lastIndexOf(tiles, new byte[]{(byte) 0xFF, (byte) 0x90, 0, 10, 0, 3});
        byte[] threeTiles = Arrays.copyOf(tiles, last + 2);
        threeTiles[last] = (byte) 0xFF;
        threeTiles[last + 1] = (byte) 0xD9;
        assertRefused(write("three-tiles.dcm", withFrame(tiled, threeTiles)), "truncated JPEG 2000 codestream (1 of 4 tiles missing)");
        // the DICOM file cut anywhere
        for (int cut = 140; cut < file.length; cut += 997) {
            Path cutFile = write("cut-" + cut + ".dcm", Arrays.copyOf(file, cut));
            DataException e = assertThrows(DataException.class, () -> DicomReader.read(cutFile), "cut at " + cut);
            assertOneLineNaming(cutFile, e);
        }
    }

    @Test
    void corruptCodestreamsAreOneLineErrors() throws IOException {
        byte[] file = Files.readAllBytes(fixture("ct128-s1-j2k-lossless"));
        byte[] codestream = frame(file);
        byte[] noSoc = codestream.clone();
        noSoc[1] = 0x4E;
        assertRefused(write("no-soc.dcm", withFrame(file, noSoc)),
                "the pixel data fragment is not a JPEG 2000 codestream (no SOC and SIZ markers)");
        byte[] jp2 = new byte[12 + codestream.length];
        System.arraycopy(new byte[]{0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A}, 0, jp2, 0, 12);
        System.arraycopy(codestream, 0, jp2, 12, codestream.length);
        assertRefused(write("jp2.dcm", withFrame(file, jp2)),
                "the pixel data holds a JP2 file, not a bare JPEG 2000 codestream (not supported)");
        assertRefused(write("colour.dcm", withFrame(file, withComponents(codestream, 3))),
                "colour DICOM image is not a CT slice (JPEG 2000 with 3 components)");
        byte[] siz = codestream.clone();
        siz[SIZ + 39] = 3; // Csiz 3 in a SIZ marker sized for 1
        assertRefused(write("siz.dcm", withFrame(file, siz)), "corrupt JPEG 2000 codestream (SIZ marker of 41 bytes for 3 components)");
        byte[] deep = codestream.clone();
        deep[SIZ + 40] = (byte) 0x90; // signed, 17 bits
        assertRefused(write("deep.dcm", withFrame(file, deep)), "JPEG 2000 samples of 17 bits are not supported (16 at most)");
        byte[] subsampled = codestream.clone();
        subsampled[SIZ + 41] = 2;
        assertRefused(write("subsampled.dcm", withFrame(file, subsampled)), "subsampled JPEG 2000 component (2x1) is not supported");
        int cod = indexOf(codestream, new byte[]{(byte) 0xFF, 0x52, 0, 12});
        byte[] layers = codestream.clone();
        ByteBuffer.wrap(layers).putShort(cod + 6, (short) 0xFFFF);
        assertRefused(write("layers.dcm", withFrame(file, layers)), "corrupt JPEG 2000 codestream (65535 quality layers (1 to 256 supported))");
        byte[] progression = codestream.clone();
        progression[cod + 5] = 9;
        assertRefused(write("progression.dcm", withFrame(file, progression)), "corrupt JPEG 2000 codestream (Not recognized progression type)");
        byte[] tile = codestream.clone();
        tile[SOT + 5] = 1; // tile 1 of a one-tile image
        assertRefused(write("tile.dcm", withFrame(file, tile)), "corrupt JPEG 2000 codestream (tile-part of tile 1, the image has 1)");
        // the start-of-data marker after the tile-part header made an unknown marker: JJ2000 reads its "length" from
        // the data and runs past the end; alone, it would return an all-zero image
        byte[] sod = codestream.clone();
        assertEquals((byte) 0x93, sod[SOT + 13]);
        sod[SOT + 13] = (byte) 0x92;
        assertRefused(write("sod.dcm", withFrame(file, sod)), "corrupt JPEG 2000 codestream (the decoder reads past the end of the codestream)");
    }

    @Test
    void headerAndCodestreamThatDisagreeAreRefused() throws IOException {
        byte[] file = Files.readAllBytes(fixture("ct128-s1-j2k-lossless"));
        assertRefused(write("rows.dcm", CompressedDicomTest.withRows(file, 64)), "the JPEG 2000 image is 128x128 pixels, the header says 128x64");
        byte[] codestream = frame(file);
        byte[] huge = codestream.clone();
        ByteBuffer.wrap(huge).putInt(SIZ + 6, 0xFFFFFF00).putInt(SIZ + 10, 0xFFFFFF00); // Xsiz, Ysiz
        assertRefused(write("huge.dcm", withFrame(file, huge)), "the JPEG 2000 image is 4294967040x4294967040 pixels, the header says 128x128");
        byte[] tiny = codestream.clone();
        ByteBuffer.wrap(tiny).putInt(SIZ + 22, 1).putInt(SIZ + 26, 1); // 1x1 tiles: 16384 of them, one present
        assertRefused(write("tiny-tiles.dcm", withFrame(file, tiny)), "truncated JPEG 2000 codestream (16383 of 16384 tiles missing)");
        byte[] unsigned = withShort(file, new byte[]{0x28, 0, 0x03, 0x01, 'U', 'S', 2, 0}, 0); // PixelRepresentation 0
        assertRefused(write("unsigned.dcm", unsigned), "the JPEG 2000 samples are signed, PixelRepresentation 0 says unsigned");
        byte[] eight = Files.readAllBytes(fixture("ct128-u8-j2k-lossless"));
        byte[] sixteen = frame(eight);
        sixteen[SIZ + 40] = 15;
        assertRefused(write("sixteen.dcm", withFrame(eight, sixteen)), "JPEG 2000 samples of 16 bits do not fit BitsAllocated 8");
    }

    /**
     * Unsigned samples for PixelRepresentation 1 are two's complement bit patterns; signed ones are clamped to
     * BitsStored rather than wrapped (a lossy decoding can overshoot the range).
     */
    @Test
    void unsignedSamplesForSignedPixelsAreBitPatternsAndValuesAreClamped() throws IOException {
        byte[] file = Files.readAllBytes(fixture("ct128-u12-j2k-lossless")); // stored = HU + 1024, 10..2777
        float[] u12 = DicomReader.read(fixture("ct128-u12-explicit")).hu();
        // PixelRepresentation 1 with BitsStored 12: the stored values above 2047 are negative patterns
        byte[] patterns = withShort(file, new byte[]{0x28, 0, 0x03, 0x01, 'U', 'S', 2, 0}, 1);
        float[] hu = DicomReader.read(write("patterns.dcm", patterns)).hu();
        for (int i = 0; i < hu.length; i++) {
            float stored = u12[i] + 1024;
            assertEquals(stored > 2047 ? stored - 4096 - 1024 : stored - 1024, hu[i], "pixel " + i);
        }
        // BitsStored 11 (values up to 2047) for samples up to 2777: clamped at 2047
        byte[] eleven = withShort(file, new byte[]{0x28, 0, 0x01, 0x01, 'U', 'S', 2, 0}, 11);
        float[] clamped = DicomReader.read(write("eleven.dcm", eleven)).hu();
        for (int i = 0; i < clamped.length; i++) assertEquals(Math.min(u12[i], 2047 - 1024), clamped[i], "pixel " + i);
    }

    /** JJ2000's calls into {@code catch (IOException)} blocks that print a stack trace: its input never throws one. */
    @Test
    void theCodestreamInputThrowsNoIOExceptionPastItsEnd() throws IOException {
        byte[] bytes = {1, 2, 3, 4};
        try (DicomJpeg2000.CodestreamInput in = new DicomJpeg2000.CodestreamInput(bytes, 3)) {
            assertEquals(3, in.length());
            assertEquals(0x0102, in.readUnsignedShort());
            byte[] two = new byte[2];
            assertThrows(DicomJpeg2000.PastEnd.class, () -> in.readFully(two));
            in.seek(10);
            assertThrows(DicomJpeg2000.PastEnd.class, in::read);
        }
    }

    /** Nothing printed on stdout or stderr for any corrupt codestream, and threads decode independently. */
    @Test
    void corruptCodestreamsPrintNothingAndThreadsDecodeIndependently() throws Exception {
        byte[] file = Files.readAllBytes(fixture("ct128-s1-j2k-lossless"));
        byte[] codestream = frame(file);
        float[] original = DicomReader.read(fixture("ct128-s1-explicit")).hu();
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            java.util.Random random = new java.util.Random(5);
            for (int m = 0; m < 40; m++) {
                byte[] mutant = codestream.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int at = random.nextBoolean() ? random.nextInt(SOT + 14) : random.nextInt(mutant.length);
                    mutant[at] ^= (byte) (1 << random.nextInt(8));
                }
                Path mutantFile = write("mutant-" + m + ".dcm", withFrame(file, mutant));
                jobs.add(pool.submit(() -> {
                    try {
                        DicomReader.read(mutantFile);
                    } catch (DataException e) {
                        assertOneLineNaming(mutantFile, e);
                    }
                }));
                Path valid = fixture("ct128-s1-j2k-lossless");
                jobs.add(pool.submit(() -> assertArrayEquals(original, DicomReader.read(valid).hu())));
            }
            for (Future<?> job : jobs) job.get();
        } finally {
            pool.shutdown();
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    /** The codestream of a file's single fragment (GDCM writes an empty offset table, then one fragment). */
    static byte[] frame(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int fragment = fragmentItem(file);
        return Arrays.copyOfRange(file, fragment + 8, fragment + 8 + b.getInt(fragment + 4));
    }

    /** The file with its single fragment replaced by {@code codestream} (padded to an even length), then the delimiter. */
    static byte[] withFrame(byte[] file, byte[] codestream) {
        int fragment = fragmentItem(file);
        int length = codestream.length + (codestream.length & 1);
        ByteBuffer out = ByteBuffer.allocate(fragment + 8 + length + 8).order(ByteOrder.LITTLE_ENDIAN);
        out.put(file, 0, fragment).putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(length).put(codestream);
        if ((codestream.length & 1) == 1) out.put((byte) 0);
        out.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
        return out.array();
    }

    private static int fragmentItem(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int pixelData = indexOf(file, new byte[]{(byte) 0xE0, 0x7F, 0x10, 0, 'O', 'B', 0, 0});
        assertTrue(pixelData > 0, "encapsulated Pixel Data");
        int table = pixelData + 12;
        return table + 8 + b.getInt(table + 4);
    }

    /** A codestream whose SIZ marker describes {@code components} components like its first. */
    private static byte[] withComponents(byte[] codestream, int components) {
        int extra = 3 * (components - 1), end = SIZ + 2 + 41; // after the first component's Ssiz, XRsiz, YRsiz
        byte[] out = new byte[codestream.length + extra];
        System.arraycopy(codestream, 0, out, 0, end);
        for (int c = 1; c < components; c++) System.arraycopy(codestream, end - 3, out, end + 3 * (c - 1), 3);
        System.arraycopy(codestream, end, out, end + extra, codestream.length - end);
        ByteBuffer.wrap(out).putShort(SIZ + 2, (short) (41 + extra)).putShort(SIZ + 38, (short) components);
        return out;
    }

    private static byte[] withShort(byte[] file, byte[] element, int value) {
        byte[] out = file.clone();
        int at = indexOf(out, element);
        assertTrue(at > 0, "the element in the header");
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putShort(at + 8, (short) value);
        return out;
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) return i;
        }
        return -1;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertRefused(Path file, String expected) {
        DataException e = assertThrows(DataException.class, () -> DicomReader.read(file), file.toString());
        assertEquals(file + ": " + expected, e.getMessage());
        assertOneLineNaming(file, e);
    }

    private static void assertOneLineNaming(Path file, DataException e) {
        assertEquals(file, e.file());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
