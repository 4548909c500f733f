package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.ImageDecoder;
import org.ichnet.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The CT-ICH DICOM fixtures, brain-windowed and turned, against the released JPGs of the same slices. */
class CtIchOrientationTest {
    /**
     * Measured: the right transform scores r 0.917-0.973; the best wrong transform on any slice 0.846.
     * 0.90 separates them; a correct pairing with a wrong turn cannot pass.
     */
    private static final double MIN_CORRELATION = 0.90;

    /**
     * Patient 051's DICOM slice numbers run 9 ahead of its JPG numbers (measured against every JPG
     * of 051: 051_23 peaks at 14.jpg, 051_31 at 22.jpg, r 0.94 each; at their own numbers r is 0.71 and 0.32).
     */
    private static final Map<String, Integer> JPG_NUMBER = Map.of("051_23", 14, "051_31", 22);

    @Test
    void everySliceNeedsTheSameTurnAndThenAgreesWithItsJpg() throws IOException {
        Path jpgs = SharedData.requireFolder("ct-ich/Patients_CT");
        List<Double> correlations = new ArrayList<>();
        for (Path dicom : CtIchDicomTest.fixtures()) {
            String id = dicom.getFileName().toString().replace(".dcm", "");
            String patient = id.split("_")[0];
            int number = JPG_NUMBER.getOrDefault(id, Integer.parseInt(id.split("_")[1]));
            Path jpg = jpgs.resolve(patient).resolve("brain").resolve(number + ".jpg");
            if (!Files.exists(jpg)) continue; // 076 and 081 are not in the JPG release
            GrayImage windowed = Windowing.apply(DicomReader.read(dicom), WindowPreset.BRAIN_CTICH);
            OrientationMatch.Result match = OrientationMatch.best(windowed, ImageDecoder.readGray(jpg));
            assertEquals(CtIchOrientation.DICOM_TO_JPG, match.transform(), id);
            assertTrue(match.correlation() >= MIN_CORRELATION, id + ": r " + match.correlation());
            correlations.add(match.correlation());
        }
        assertEquals(18, correlations.size(), "fixtures with a JPG");
        Collections.sort(correlations);
        System.out.printf("CT-ICH orientation %s: r min %.3f median %.3f over %d slices%n", CtIchOrientation.DICOM_TO_JPG,
                correlations.get(0), correlations.get(correlations.size() / 2), correlations.size());
    }

    @Test
    void ctIchOrientationOptionTurnsTheWindowedSlice() throws IOException {
        HuSlice slice = DicomReader.read(CtIchDicomTest.fixtures().get(0));
        GrayImage plain = Windowing.apply(slice, WindowPreset.BRAIN_CTICH, false);
        GrayImage turned = Windowing.apply(slice, WindowPreset.BRAIN_CTICH, true);
        assertArrayEquals(CtIchOrientation.DICOM_TO_JPG.apply(plain).pixels(), turned.pixels());
        assertFalse(java.util.Arrays.equals(plain.pixels(), turned.pixels()));
    }
}
