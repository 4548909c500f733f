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

    /**
     * For every axial ImageOrientationPatient a scanner writes (rows and columns along the patient's left-right and
     * front-back axes, either sign, either order), the turned slice runs to the patient's left along x and to the
     * back along y: checked on images whose pixels hold their own patient coordinates, on a non-square grid.
     */
    @Test
    void everyAxialOrientationIsTurnedToAnteriorUpAndPatientRightOnTheLeft() {
        double[][] axes = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}};
        int width = 5, height = 3;
        for (double[] row : axes) {
            for (double[] column : axes) {
                if (Math.abs(row[0]) == Math.abs(column[0])) continue; // same patient axis: not a slice
                double[] cosines = {row[0], row[1], row[2], column[0], column[1], column[2]};
                Dihedral turn = CtIchOrientation.of(new SliceMeta(null, null, cosines, -1, Double.NaN));
                GrayImage left = turn.apply(coordinate(width, height, row[0], column[0]));
                GrayImage back = turn.apply(coordinate(width, height, row[1], column[1]));
                String name = java.util.Arrays.toString(cosines) + " -> " + turn;
                for (int y = 0; y < left.height(); y++) {
                    for (int x = 0; x < left.width(); x++) {
                        if (x > 0) assertEquals(1, at(left, x, y) - at(left, x - 1, y), 1e-6, name + ": x runs to the patient's left");
                        if (y > 0) assertEquals(1, at(back, x, y) - at(back, x, y - 1), 1e-6, name + ": y runs to the back");
                    }
                }
            }
        }
    }

    /** CT-ICH's own files carry no ImageOrientationPatient; a coronal or a 60-degree tilted slice is left as stored. */
    @Test
    void withoutTheTagCtIchsLayoutAndOffAxisSlicesAsStored() {
        assertEquals(CtIchOrientation.DICOM_TO_JPG, CtIchOrientation.of(SliceMeta.NONE));
        // the turn measured on CT-ICH's files is the one their true orientation (rows to the front) asks for
        assertEquals(CtIchOrientation.DICOM_TO_JPG, CtIchOrientation.of(new SliceMeta(null, null, new double[]{0, -1, 0, 1, 0, 0}, -1, Double.NaN)));
        assertEquals(Dihedral.IDENTITY, CtIchOrientation.of(new SliceMeta(null, null, new double[]{1, 0, 0, 0, 0, -1}, -1, Double.NaN)));
        double c = Math.cos(Math.toRadians(60)), s = Math.sin(Math.toRadians(60));
        assertEquals(Dihedral.IDENTITY, CtIchOrientation.of(new SliceMeta(null, null, new double[]{1, 0, 0, 0, c, -s}, -1, Double.NaN)));
        assertEquals(Dihedral.IDENTITY, CtIchOrientation.of(new SliceMeta(null, null, new double[]{1, 0, 0, 0, 0.98, -0.2}, -1, Double.NaN)));
    }

    /** A scanner's usual axial file (rows to the left, columns to the back) reaches the model as stored. */
    @Test
    void aStandardAxialDicomIsNotTurned() throws IOException {
        SyntheticDicom d = SyntheticDicom.ramp(6, 4, 0);
        d.orientation = new double[]{1, 0, 0, 0, 1, 0};
        HuSlice slice = DicomReader.read(d.write(Files.createTempDirectory("orientation").resolve("axial.dcm")));
        assertArrayEquals(Windowing.apply(slice, WindowPreset.BRAIN_CTICH).pixels(),
                Windowing.apply(slice, WindowPreset.BRAIN_CTICH, true).pixels());
    }

    /**
     * A bundled CT-ICH slice re-tagged with the orientation its pixels truly have (rows run to the front, columns to
     * the patient's left: 0\-1\0\1\0\0) is turned by that tag, not by the no-tag rule, and then lines up with
     * the released JPG of the same slice as it is (identity is its best transform).
     */
    @Test
    void aCtIchSliceTaggedWithItsTrueOrientationLinesUpWithItsJpg() throws IOException {
        HuSlice ctIch = DicomReader.read(Path.of("sample/ct-ich-dicom/066_19.dcm"));
        short[] stored = new short[ctIch.hu().length];
        for (int i = 0; i < stored.length; i++) stored[i] = (short) ctIch.hu()[i];
        SyntheticDicom tagged = new SyntheticDicom(ctIch.width(), ctIch.height(), stored);
        tagged.orientation = new double[]{0, -1, 0, 1, 0, 0};
        HuSlice read = DicomReader.read(tagged.write(Files.createTempDirectory("orientation").resolve("tagged.dcm")));
        GrayImage shown = Windowing.apply(read, WindowPreset.BRAIN_CTICH, true);
        OrientationMatch.Result match = OrientationMatch.best(shown,
                ImageDecoder.readGray(Path.of("sample/ct-ich-sample/Patients_CT/066/brain/19.jpg")));
        assertEquals(Dihedral.IDENTITY, match.transform());
        assertTrue(match.correlation() >= MIN_CORRELATION, "r " + match.correlation());
    }

    /** Pixel (x, y) holds x * a + y * b: the patient coordinate along one axis when a and b are the cosines' parts on it. */
    private static GrayImage coordinate(int width, int height, double a, double b) {
        float[] values = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) values[y * width + x] = (float) (x * a + y * b);
        }
        return new GrayImage(width, height, values);
    }

    private static float at(GrayImage image, int x, int y) {
        return image.pixels()[y * image.width() + x];
    }
}
