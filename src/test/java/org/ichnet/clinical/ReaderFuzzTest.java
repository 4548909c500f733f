package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Mutated DICOM (uncompressed, JPEG, JPEG 2000, RLE, deflated), PNG, JPG and NIfTI files (bit flips, truncations, header fields set to extremes) read the way
 * {@code predict} reads them: each must give scans or a one-line {@link DataException}; no other exception, no
 * OutOfMemoryError, no hang, nothing printed to stdout (where ImageJ used to print its stack traces) or stderr
 * (where JJ2000, the JPEG 2000 decoder, prints them). Each DICOM mutant is also read for its header alone, as a
 * folder's series are grouped: the same rules, and the full read's meta whenever the full read takes the file.
 */
class ReaderFuzzTest {
    private static final long SEED = 17;
    private static final int MUTANTS_PER_SEED = 60;
    /** The slowest mutant takes about 0.5 s; the margin is for a loaded CI machine. */
    private static final Duration PER_FILE = Duration.ofSeconds(10);
    private static final int[] EXTREME_U16 = {0, 1, 0x7FFF, 0x8000, 0xFFFF};
    private static final int[] EXTREME_I32 = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000};

    @TempDir
    Path dir;

    private final Random random = new Random(SEED);
    private final List<String> escapes = new ArrayList<>();

    @Test
    void everyMutantEndsInScansOrAOneLineDataException() throws IOException {
        List<Path> seeds = List.of(
                Path.of("sample/ct-ich-dicom/071_14.dcm"),
                syntheticDicom(),
                CompressedDicomTest.fixture("ct128-s1-jpeg-lossless-fragments"),
                CompressedDicomTest.fixture("ct128-s1-rle"),
                CompressedDicomTest.fixture("ct128-u8-jpeg-baseline"),
                CompressedDicomTest.fixture("ct128-s1-deflated"),
                Path.of("sample/ct-ich-sample/Patients_CT/085/bone/6.jpg"),
                png(),
                new SyntheticNifti(6, 5, 4).write(dir.resolve("seed.nii")),
                new SyntheticNifti(6, 5, 4).write(dir.resolve("seed.nii.gz")),
                // last, so that the mutants of the seeds before it stay what they were
                CompressedDicomTest.fixture("ct128-s1-j2k-lossless"));
        PrintStream stdout = System.out, stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream(), printedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(printedErr, true, StandardCharsets.UTF_8));
        int files = 0;
        try {
            for (Path seed : seeds) {
                byte[] valid = Files.readAllBytes(seed);
                for (int m = 0; m < MUTANTS_PER_SEED; m++) {
                    byte[] mutant = mutate(valid, seed, m % 3);
                    String name = seed.getFileName().toString();
                    Path file = Files.write(dir.resolve(m + "-" + name), mutant);
                    read(file);
                    Files.delete(file);
                    files++;
                }
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertEquals(seeds.size() * MUTANTS_PER_SEED, files);
        assertTrue(escapes.isEmpty(), escapes.size() + " escapes:\n" + String.join("\n", escapes));
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "readers print nothing to stdout");
        assertEquals("", printedErr.toString(StandardCharsets.UTF_8), "readers print nothing to stderr");
    }

    private void read(Path file) {
        boolean decoded = readAsPredictDoes(file);
        if (file.toString().endsWith(".dcm")) readHeaderOnly(file, decoded);
    }

    /** True when the file gave its scan. */
    private boolean readAsPredictDoes(Path file) {
        try {
            List<Scan> scans = assertTimeoutPreemptively(PER_FILE, () -> ScanInputs.collect(List.of(file), true),
                    () -> file.getFileName() + ": no answer within " + PER_FILE.toSeconds() + " s");
            assertEquals(1, scans.size());
            return true;
        } catch (DataException e) {
            checkMessage(file, e);
        } catch (Throwable t) {
            escape(file, t);
        }
        return false;
    }

    /** The header-only read that groups a folder's series: the full read's meta when that read accepts the file. */
    private void readHeaderOnly(Path file, boolean decoded) {
        try {
            SliceMeta meta = assertTimeoutPreemptively(PER_FILE, () -> DicomReader.readMeta(file),
                    () -> file.getFileName() + ": no header within " + PER_FILE.toSeconds() + " s");
            if (decoded && !sameMeta(DicomReader.read(file).meta(), meta)) {
                escapes.add(file.getFileName() + ": the header-only meta differs from the full read's");
            }
        } catch (DataException e) {
            checkMessage(file, e);
            if (decoded) escapes.add(file.getFileName() + ": header-only read refuses what the full read takes: " + e.getMessage());
        } catch (Throwable t) {
            escape(file, t);
        }
    }

    private void checkMessage(Path file, DataException e) {
        if (e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
            escapes.add(file.getFileName() + ": message of several lines: " + e.getMessage());
        }
        if (!e.getMessage().contains(file.toString())) escapes.add(file.getFileName() + ": message names no file: " + e.getMessage());
    }

    private void escape(Path file, Throwable t) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(4, t.getStackTrace().length); i++) where.append("\n    at ").append(t.getStackTrace()[i]);
        escapes.add(file.getFileName() + ": " + t + where);
    }

    private static boolean sameMeta(SliceMeta a, SliceMeta b) {
        return Objects.equals(a.seriesUid(), b.seriesUid()) && Arrays.equals(a.positionPatient(), b.positionPatient())
                && Arrays.equals(a.orientationPatient(), b.orientationPatient()) && a.instanceNumber() == b.instanceNumber()
                && Double.compare(a.sliceLocation(), b.sliceLocation()) == 0;
    }

    /** kind 0: bit flips; 1: truncation; 2: a header field (or any of the first 1024 bytes) set to an extreme. */
    private byte[] mutate(byte[] valid, Path seed, int kind) {
        byte[] b = valid.clone();
        switch (kind) {
            case 0 -> {
                int flips = 1 + random.nextInt(16);
                // most flips in the header, where a flip changes meaning rather than one pixel
                for (int i = 0; i < flips; i++) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(b.length, 1024)) : random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 1 -> {
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            default -> {
                int at = headerField(b, seed.getFileName().toString());
                ByteBuffer buffer = ByteBuffer.wrap(b).order(seed.toString().endsWith(".png") || isJpg(seed)
                        ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                if (random.nextBoolean() && at + 2 <= b.length) buffer.putShort(at, (short) EXTREME_U16[random.nextInt(EXTREME_U16.length)]);
                else if (at + 4 <= b.length) buffer.putInt(at, EXTREME_I32[random.nextInt(EXTREME_I32.length)]);
                return b;
            }
        }
    }

    /** Offset of a size-like field of the format, or now and then any offset in the first 1024 bytes. */
    private int headerField(byte[] b, String name) {
        if (random.nextInt(4) == 0) return random.nextInt(Math.min(b.length, 1024) - 4);
        if (name.endsWith(".png")) return 16 + 4 * random.nextInt(2); // IHDR width, height
        if (name.endsWith(".jpg")) {
            for (int i = 2; i + 9 < b.length; i++) { // SOF0: height then width after the precision byte
                if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xc0) return i + 5 + 2 * random.nextInt(2);
            }
        }
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            // dim[0..3], datatype, bitpix, vox_offset, scl_slope
            return new int[]{40, 42, 44, 46, 70, 72, 108, 112}[random.nextInt(8)];
        }
        if (name.endsWith(".dcm")) {
            // the value of a (0028,xxxx) or (7FE0,0010) element: rows, columns, bits, pixel data length; in
            // encapsulated pixel data, the length of an item (offset table, fragment)
            List<Integer> values = new ArrayList<>();
            boolean pixelData = false;
            for (int i = 132; i + 12 < b.length && values.size() < 32; i += 2) {
                int group = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
                if (!pixelData && (group == 0x0028 || group == 0x7FE0)) values.add(i + 8);
                if (pixelData && group == 0xFFFE && (b[i + 3] & 0xff) == 0xE0) values.add(i + 4);
                if (group == 0x7FE0) pixelData = true;
            }
            if (!values.isEmpty()) return Math.min(values.get(random.nextInt(values.size())), b.length - 4);
        }
        return random.nextInt(Math.min(b.length, 1024) - 4);
    }

    private static boolean isJpg(Path file) {
        return file.toString().endsWith(".jpg");
    }

    private Path syntheticDicom() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(8, 6, 40);
        d.instanceNumber = 3;
        d.position = new double[]{0, 0, 5};
        d.orientation = new double[]{1, 0, 0, 0, 1, 0};
        d.slope = 1.0;
        d.intercept = -1024.0;
        return d.write(dir.resolve("seed.dcm"));
    }

    private Path png() throws IOException {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 12; y++) for (int x = 0; x < 16; x++) image.getRaster().setSample(x, y, 0, 16 * x + y);
        Path file = dir.resolve("seed.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
