package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * All DICOM slices of one folder as one series, in anatomical order.
 *
 * <p>Order: by ImagePositionPatient projected on the slice normal (row x column cosines of
 * ImageOrientationPatient, or z when orientation is missing) when every slice has a position;
 * else by InstanceNumber when every slice has one; else by file name in natural order.
 * {@link #read} takes a folder of one series; {@link #bySeries} splits a folder's slices by
 * SeriesInstanceUID, so that two series are never interleaved into one scan.
 */
public final class DicomSeries {

    private DicomSeries() {
    }

    /** DICOM files of a folder: {@code .dcm} by extension, others by the DICM marker at byte 128 (no hidden files, no DICOMDIR). */
    public static List<Path> files(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(DicomSeries::isDicom)
                    .sorted(NaturalOrder.BY_FILE_NAME)
                    .toList();
        } catch (IOException e) {
            throw new DataException(folder, "cannot list folder: " + e.getMessage(), e);
        }
    }

    /** A {@code .dcm} name, or the DICM marker at byte 128; not a DICOMDIR (see {@link #isDicomDir}). */
    public static boolean isDicom(Path file) {
        return !isDicomDir(file) && (hasDicomExtension(file) || DicomFileMeta.hasMagic(file));
    }

    /** A file named DICOMDIR: the index of a DICOM export (its File-set), which holds no pixels. */
    public static boolean isDicomDir(Path file) {
        return file.getFileName().toString().toUpperCase(Locale.ROOT).equals("DICOMDIR");
    }

    public static boolean hasDicomExtension(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm");
    }

    /** Reads and orders every DICOM file of the folder; any unreadable file is a DataException. */
    public static List<HuSlice> read(Path folder) {
        List<Path> files = files(folder);
        if (files.isEmpty()) throw new DataException(folder, "no DICOM files in folder");
        List<HuSlice> slices = new ArrayList<>();
        for (Path file : files) slices.add(DicomReader.read(file));
        requireOneSeries(folder, slices);
        return order(slices);
    }

    /**
     * Sorts slices already read: ascending along the slice normal (feet to head for a standard
     * axial series). The sort is stable, so the input order (file names) breaks ties.
     */
    public static List<HuSlice> order(List<HuSlice> slices) {
        return order(slices, HuSlice::meta);
    }

    /** {@link #order(List)} of anything that carries a slice's header, e.g. a file read for its header only. */
    public static <T> List<T> order(List<T> slices, Function<T, SliceMeta> meta) {
        List<T> sorted = new ArrayList<>(slices);
        if (sorted.stream().allMatch(s -> meta.apply(s).positionPatient() != null)) {
            double[] normal = normal(meta.apply(sorted.get(0)).orientationPatient());
            sorted.sort(Comparator.comparingDouble(s -> dot(normal, meta.apply(s).positionPatient())));
        } else if (sorted.stream().allMatch(s -> meta.apply(s).instanceNumber() >= 0)) {
            sorted.sort(Comparator.comparingInt(s -> meta.apply(s).instanceNumber()));
        }
        return sorted;
    }

    /** Steps along the normal below this (mm) put two slices at one place. */
    static final double SAME_PLACE = 1e-3;

    /**
     * Each slice's place in the series, for slices in {@link #order}: gaps count, so neighbour channels do not
     * bridge a slice that is missing or could not be read. By position along the normal when every slice has one
     * and they differ: each step adds its length in slice spacings (the smallest step, rounded, at least 1), so
     * rounded positions and jitter do not add up along the series; else by InstanceNumber; else by
     * {@code fileIndex}, the slice's place among the folder's files before unreadable ones were dropped.
     */
    public static int[] places(List<HuSlice> ordered, ToIntFunction<HuSlice> fileIndex) {
        return places(ordered, HuSlice::meta, fileIndex);
    }

    /** {@link #places(List, ToIntFunction)} of anything that carries a slice's header. */
    public static <T> int[] places(List<T> ordered, Function<T, SliceMeta> meta, ToIntFunction<T> fileIndex) {
        int n = ordered.size();
        int[] places = new int[n];
        if (n > 0 && ordered.stream().allMatch(s -> meta.apply(s).positionPatient() != null)) {
            double[] normal = normal(meta.apply(ordered.get(0)).orientationPatient());
            double[] along = ordered.stream().mapToDouble(s -> dot(normal, meta.apply(s).positionPatient())).toArray();
            double[] steps = new double[Math.max(0, n - 1)];
            for (int i = 1; i < n; i++) steps[i - 1] = along[i] - along[i - 1];
            double spacing = Arrays.stream(steps).filter(d -> d > SAME_PLACE).min().orElse(Double.NaN);
            if (!Double.isNaN(spacing)) {
                for (int i = 1; i < n; i++) {
                    places[i] = places[i - 1] + (steps[i - 1] > SAME_PLACE ? (int) Math.max(1, Math.round(steps[i - 1] / spacing)) : 0);
                }
                return places;
            }
        }
        if (ordered.stream().allMatch(s -> meta.apply(s).instanceNumber() >= 0)) {
            for (int i = 0; i < n; i++) places[i] = meta.apply(ordered.get(i)).instanceNumber();
        } else {
            for (int i = 0; i < n; i++) places[i] = fileIndex.applyAsInt(ordered.get(i));
        }
        return places;
    }

    /**
     * Slices grouped by SeriesInstanceUID, in order of first appearance. Slices without a UID join the
     * series when there is only one; beside several series they form a group of their own (key null).
     */
    public static Map<String, List<HuSlice>> bySeries(List<HuSlice> slices) {
        return bySeries(slices, HuSlice::meta);
    }

    /** {@link #bySeries(List)} of anything that carries a slice's header. */
    public static <T> Map<String, List<T>> bySeries(List<T> slices, Function<T, SliceMeta> meta) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T s : slices) groups.computeIfAbsent(meta.apply(s).seriesUid(), k -> new ArrayList<>()).add(s);
        if (groups.size() == 2 && groups.containsKey(null)) {
            List<T> untagged = groups.remove(null);
            groups.values().iterator().next().addAll(untagged);
        }
        return groups;
    }

    static void requireOneSeries(Path folder, List<HuSlice> slices) {
        Set<String> uids = new LinkedHashSet<>();
        for (HuSlice s : slices) if (s.meta().seriesUid() != null) uids.add(s.meta().seriesUid());
        if (uids.size() > 1) {
            throw new DataException(folder, uids.size() + " DICOM series (SeriesInstanceUID " + String.join(", ", uids)
                    + ") in one folder; put each series in its own folder");
        }
    }

    static double[] normal(double[] orientation) {
        if (orientation == null) return new double[]{0, 0, 1};
        double[] r = {orientation[0], orientation[1], orientation[2]};
        double[] c = {orientation[3], orientation[4], orientation[5]};
        return new double[]{r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
