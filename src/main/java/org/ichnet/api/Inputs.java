package org.ichnet.api;

import org.ichnet.clinical.DicomReader;
import org.ichnet.clinical.DicomSeries;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files and folders read into scans, ready for {@link Ichnet#predict(Inputs)}: JPG/PNG files or folders,
 * CT-ICH patient folders ({@code brain/} and {@code bone/}), DICOM files or series folders, NIfTI volumes.
 * Files that cannot be read are skipped and listed in {@link #problems()}. Reading first and predicting
 * later lets a caller report bad files before a model is loaded, or size a progress bar.
 * Immutable and safe to share between threads.
 */
public final class Inputs {
    private final List<Scan> collected;

    private Inputs(List<Scan> collected) {
        this.collected = List.copyOf(collected);
    }

    /**
     * Decodes every input; never fails on a bad file (see {@link #problems()}).
     *
     * @throws IllegalArgumentException when {@code paths} is empty
     */
    public static Inputs read(List<Path> paths) {
        if (paths.isEmpty()) throw new IllegalArgumentException("no inputs given");
        return new Inputs(ScanInputs.collect(paths, false));
    }

    /**
     * Whether a folder walk would take {@code file} as DICOM, as {@code predict} does: a {@code .dcm} name,
     * or the {@code DICM} marker at byte 128.
     */
    public static boolean isDicom(Path file) {
        return Files.isRegularFile(file) && DicomSeries.isDicom(file);
    }

    /**
     * The SeriesInstanceUID of a DICOM file (empty when it has none), read as {@code predict} reads the file:
     * a caller can group the files of a series that lie in several folders, then predict them as one folder.
     *
     * @throws IchnetException when the file is not a DICOM file {@code predict} can read
     */
    public static Optional<String> dicomSeriesUid(Path file) throws IchnetException {
        try {
            return Optional.ofNullable(DicomReader.read(file).meta().seriesUid());
        } catch (DataException e) {
            throw IchnetException.of(e);
        }
    }

    static Inputs of(Scan scan) {
        return new Inputs(List.of(scan));
    }

    /** Every file that was skipped, in input order. */
    public List<Problem> problems() {
        return collected.stream().flatMap(s -> s.problems().stream()).map(IchnetException::problem).toList();
    }

    /** The number of slices that were read. */
    public int sliceCount() {
        return scans().stream().mapToInt(s -> s.slices().size()).sum();
    }

    /** Scans with at least one slice, in input order. */
    List<Scan> scans() {
        return collected.stream().filter(s -> !s.slices().isEmpty()).toList();
    }

    /** Problems of the inputs that gave no slice at all. */
    List<DataProblem> unreadable() {
        return collected.stream().filter(s -> s.slices().isEmpty()).flatMap(s -> s.problems().stream()).toList();
    }
}
