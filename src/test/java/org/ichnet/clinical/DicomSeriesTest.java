package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DicomSeriesTest {
    @TempDir
    Path dir;

    /** Slice n holds the value n, so the order read back is visible in the pixels. */
    private SyntheticDicom slice(int n) {
        return SyntheticDicom.ramp(2, 2, n * 10);
    }

    private static List<Float> firstPixels(List<HuSlice> slices) {
        return slices.stream().map(s -> s.get(0, 0) / 10).toList();
    }

    @Test
    void positionAlongTheNormalWinsOverInstanceNumberAndName() throws IOException {
        // Sagittal: rows along +y, columns along -z, so the normal (row x column) is -x.
        double[] orientation = {0, 1, 0, 0, 0, -1};
        double[] xs = {30, -10, 10};
        for (int n = 0; n < 3; n++) {
            SyntheticDicom d = slice(n);
            d.orientation = orientation;
            d.position = new double[]{xs[n], 5, 100 - n}; // z misleading on purpose
            d.instanceNumber = n;
            d.write(dir.resolve("img" + n + ".dcm"));
        }
        assertEquals(List.of(0f, 2f, 1f), firstPixels(DicomSeries.read(dir))); // x = 30, 10, -10
    }

    @Test
    void instanceNumberWhenAPositionIsMissing() throws IOException {
        int[] instance = {3, 1, 2};
        for (int n = 0; n < 3; n++) {
            SyntheticDicom d = slice(n);
            d.instanceNumber = instance[n];
            if (n > 0) d.position = new double[]{0, 0, n};
            d.write(dir.resolve("a" + n + ".dcm"));
        }
        assertEquals(List.of(1f, 2f, 0f), firstPixels(DicomSeries.read(dir)));
    }

    @Test
    void naturalFileNameOrderWithoutTags() throws IOException {
        for (int n : new int[]{10, 2, 1}) slice(n).write(dir.resolve("slice" + n + ".dcm"));
        assertEquals(List.of(1f, 2f, 10f), firstPixels(DicomSeries.read(dir)));
    }

    @Test
    void filesWithoutExtensionAreFoundByTheirMarker() throws IOException {
        slice(1).write(dir.resolve("IM0001"));
        slice(2).write(dir.resolve("IM0002.dcm"));
        Files.writeString(dir.resolve("README"), "not an image");
        assertEquals(List.of(dir.resolve("IM0001"), dir.resolve("IM0002.dcm")), DicomSeries.files(dir));
    }

    @Test
    void twoSeriesInOneFolderIsAnError() throws IOException {
        SyntheticDicom a = slice(1);
        a.seriesUid = "1.2.3";
        a.write(dir.resolve("a.dcm"));
        SyntheticDicom b = slice(2);
        b.seriesUid = "1.2.4";
        b.write(dir.resolve("b.dcm"));
        DataException e = assertThrows(DataException.class, () -> DicomSeries.read(dir));
        assertEquals(dir + ": 2 DICOM series (SeriesInstanceUID 1.2.3, 1.2.4) in one folder; put each series in its own folder",
                e.getMessage());
    }

    @Test
    void placesCountTheSlicesMissingFromASeries() throws IOException {
        double[] z = {20, 0, 5, 15.1}; // 10 is missing; 15.1: a jitter of the 5 mm spacing
        for (int n = 0; n < z.length; n++) {
            SyntheticDicom d = slice(n);
            d.position = new double[]{0, 0, z[n]};
            d.write(dir.resolve("p" + n + ".dcm"));
        }
        List<HuSlice> ordered = DicomSeries.read(dir);
        assertArrayEquals(new int[]{0, 1, 3, 4}, DicomSeries.places(ordered, s -> -1));
        // three slices with one gap: the smaller step is the spacing
        assertArrayEquals(new int[]{0, 1, 3}, DicomSeries.places(ordered.subList(0, 3), s -> -1));
    }

    @Test
    void roundedPositionsDoNotAddUpToFalseGaps() {
        // a 0.625 mm series written with two decimals: steps of 0.62 and 0.63 mm
        List<HuSlice> series = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) series.add(at(Math.round(i * 0.625 * 100) / 100.0, -1));
        int[] places = DicomSeries.places(series, s -> -1);
        for (int i = 0; i < places.length; i++) assertEquals(i, places[i]);
    }

    @Test
    void positionsThatAllCoincideFallBackToInstanceNumbers() {
        List<HuSlice> series = List.of(at(7, 3), at(7, 4), at(7, 6));
        assertArrayEquals(new int[]{3, 4, 6}, DicomSeries.places(series, s -> -1));
    }

    private static HuSlice at(double z, int instance) {
        return new HuSlice(1, 1, new float[1], "z" + z, new SliceMeta(null, new double[]{0, 0, z}, null, instance, Double.NaN));
    }

    @Test
    void placesFallBackToInstanceNumbersThenToFileIndices() throws IOException {
        int[] instance = {7, 4, 5};
        for (int n = 0; n < 3; n++) {
            SyntheticDicom d = slice(n);
            d.instanceNumber = instance[n];
            d.write(dir.resolve("i" + n + ".dcm"));
        }
        assertArrayEquals(new int[]{4, 5, 7}, DicomSeries.places(DicomSeries.read(dir), s -> -1));
        List<HuSlice> untagged = List.of(new HuSlice(1, 1, new float[1], "a", SliceMeta.NONE),
                new HuSlice(1, 1, new float[1], "b", SliceMeta.NONE));
        assertArrayEquals(new int[]{0, 2}, DicomSeries.places(untagged, s -> s.source().equals("a") ? 0 : 2));
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        List<String> names = new java.util.ArrayList<>(List.of("s10.jpg", "s2.jpg", "s1.jpg", "s02b.jpg", "a.jpg"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("a.jpg", "s1.jpg", "s2.jpg", "s02b.jpg", "s10.jpg"), names);
    }
}
