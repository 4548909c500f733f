package org.ichnet.clinical;

import org.ichnet.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** HU on the 21 real CT-ICH DICOM slices (int16, no rescale tags). */
class CtIchDicomTest {

    static List<Path> fixtures() throws IOException {
        Path dir = SharedData.requireFolder("ct-ich-dicom/ct");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(DicomSeries::hasDicomExtension).sorted().toList();
        }
    }

    @Test
    void airInTheCornerAndBrainInTheCentre() throws IOException {
        List<Path> files = fixtures();
        assertEquals(21, files.size());
        long start = System.nanoTime();
        for (Path file : files) {
            HuSlice s = DicomReader.read(file);
            assertEquals(512, s.width());
            assertEquals(512, s.height());
            // Measured medians: corner -1000..-928 (a head rest reaches some corners), centre 20..40.
            float air = median(s, 0, 0, 32);
            float brain = median(s, 256 - 32, 256 - 32, 64);
            assertTrue(air >= -1100 && air <= -900, file + ": corner median " + air + " HU is not air");
            assertTrue(brain >= 15 && brain <= 50, file + ": central median " + brain + " HU is not brain");
        }
        System.out.printf("CT-ICH DICOM: %.1f ms per slice%n", (System.nanoTime() - start) / 1e6 / files.size());
    }

    private static float median(HuSlice s, int x0, int y0, int size) {
        float[] values = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) values[y * size + x] = s.get(x0 + x, y0 + y);
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }

    /** The real (implicit VR) header with Rows set to 30000: refused from the header, as the 525 KB file. */
    @Test
    void aRealSliceClaimingAbsurdRowsIsRefusedFromItsHeader(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        byte[] bytes = Files.readAllBytes(fixtures().get(0));
        int rows = indexOf(bytes, new byte[]{0x28, 0, 0x10, 0, 2, 0, 0, 0});
        assertTrue(rows > 0, "Rows (0028,0010) in the header");
        bytes[rows + 8] = (byte) (30000 & 0xFF);
        bytes[rows + 9] = (byte) (30000 >> 8);
        Path file = Files.write(tmp.resolve("absurd.dcm"), bytes);
        var e = assertThrows(org.ichnet.data.DataException.class, () -> DicomReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": header claims 512x30000 pixels"), e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
