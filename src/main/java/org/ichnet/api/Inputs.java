package org.ichnet.api;

import org.ichnet.clinical.DicomReader;
import org.ichnet.clinical.DicomSeries;
import org.ichnet.clinical.PendingScan;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.data.DataException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The scans found in files and folders, ready for {@link Ichnet#predict(Inputs)}: JPG/PNG files or folders,
 * CT-ICH patient folders ({@code brain/} and {@code bone/}), DICOM files or series folders, NIfTI volumes, and
 * trees of them (a folder is walked with the folders below it: docs/PREDICT.md, "What a folder means").
 * Finding decodes no pixels: folders are walked, the header of each DICOM file is read (to group and order
 * series) and NIfTI headers are read for their depth; {@code predict} decodes one scan at a time, so memory does
 * not grow with the number of scans. Finding first and predicting later lets a caller report missing inputs
 * before a model is loaded, or size a progress bar. Immutable and safe to share between threads.
 */
public final class Inputs {
    private final List<PendingScan> found;

    private Inputs(List<PendingScan> found) {
        this.found = List.copyOf(found);
    }

    /**
     * Finds the scans of the inputs, in input order, without decoding pixels; never fails on a bad file
     * (see {@link #problems()}).
     *
     * @throws IllegalArgumentException when {@code paths} is empty
     */
    public static Inputs read(List<Path> paths) {
        if (paths.isEmpty()) throw new IllegalArgumentException("no inputs given");
        return new Inputs(ScanInputs.find(paths));
    }

    /**
     * Whether a folder walk would take {@code file} as DICOM, as {@code predict} does: a {@code .dcm} name,
     * or the {@code DICM} marker at byte 128.
     */
    public static boolean isDicom(Path file) {
        return Files.isRegularFile(file) && DicomSeries.isDicom(file);
    }

    /**
     * The SeriesInstanceUID of a DICOM file (empty when it has none), from its header as {@link #read} groups a
     * folder's series, without decoding pixels: a caller can group the files of a series that lie in several
     * folders, then predict them as one folder. A file whose header reads but whose pixels do not decode passes
     * here; predicting its series skips it and names it in {@link Predictions#problems()}.
     *
     * @throws IchnetException when the file is not DICOM or its header is one {@code predict} refuses (an
     *                         unsupported transfer syntax or size, a corrupt header, a file smaller than the pixels it claims)
     */
    public static Optional<String> dicomSeriesUid(Path file) throws IchnetException {
        try {
            return Optional.ofNullable(DicomReader.readMeta(file).seriesUid());
        } catch (DataException e) {
            throw IchnetException.of(e);
        }
    }

    /** A scan already in memory (an image, pixels, a stream). */
    static Inputs of(Scan scan) {
        return new Inputs(List.of(PendingScan.inMemory(scan)));
    }

    /**
     * The inputs found unreadable without decoding, in input order: missing paths, files of no known kind,
     * folders with nothing to predict or mixing kinds, folders that cannot be listed, DICOM files whose header
     * cannot be read. A file whose pixels fail to decode is found when predicted: {@link Predictions#problems()},
     * {@link ScanResult#problems()}.
     */
    public List<Problem> problems() {
        return found.stream().flatMap(s -> s.problems().stream()).map(IchnetException::problem).toList();
    }

    /** The number of slices found: image files, DICOM slices whose header reads, NIfTI depths (what a progress bar counts). */
    public int sliceCount() {
        return found.stream().mapToInt(PendingScan::sliceCount).sum();
    }

    /** Every scan found, in input order, including inputs that gave nothing to decode. */
    List<PendingScan> scans() {
        return found;
    }
}
