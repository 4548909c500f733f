package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan found among the inputs whose pixels are not decoded yet: its name, where it comes from, how many
 * slices were found for it, the problems found while finding it, and how to decode it. {@link ScanInputs#find}
 * makes these without keeping any pixels, so that a caller can decode, predict and drop one scan at a time:
 * memory then follows the largest scan, not the number of scans. {@link #read} decodes the files again on every
 * call (an in-memory scan gives back what it holds).
 */
public final class PendingScan {

    /** Decodes a scan's slices in order, to {@code windows}; a file that cannot be read goes to {@code problems}, or throws when strict. */
    @FunctionalInterface
    interface Decoder {
        List<ScanSlice> decode(List<DataProblem> problems, boolean strict, Windows windows);
    }

    private final String name;
    private final Path source;
    private final int sliceCount;
    private final List<DataProblem> found;
    private final Decoder decoder;

    PendingScan(String name, Path source, int sliceCount, List<DataProblem> found, Decoder decoder) {
        this.name = name;
        this.source = source;
        this.sliceCount = sliceCount;
        this.found = List.copyOf(found);
        this.decoder = decoder;
    }

    /** An input with nothing to decode (missing, of no known kind, an empty folder): its problems only. */
    static PendingScan unreadable(String name, Path source, List<DataProblem> found) {
        return new PendingScan(name, source, 0, found, (problems, strict, windows) -> List.of());
    }

    /** A scan already decoded, e.g. an image handed over in memory: {@link #read} gives it back. */
    public static PendingScan inMemory(Scan scan) {
        return new PendingScan(scan.name(), scan.source(), scan.slices().size(), scan.problems(), (problems, strict, windows) -> scan.slices());
    }

    /** This scan under another name (a folder walk makes names unique). */
    PendingScan named(String newName) {
        return new PendingScan(newName, source, sliceCount, found, decoder);
    }

    public String name() {
        return name;
    }

    /** The file or folder the scan comes from. */
    public Path source() {
        return source;
    }

    /** The slices found without decoding (image files, DICOM files whose header reads, a NIfTI header's depth): what a progress bar counts. */
    public int sliceCount() {
        return sliceCount;
    }

    /** Problems found without decoding the scan: a missing input, a folder with nothing to predict, a DICOM file whose header cannot be read. */
    public List<DataProblem> problems() {
        return found;
    }

    /**
     * Decodes the scan with both windows: {@link #read(boolean, Windows)} with {@link Windows#BRAIN_AND_BONE}.
     *
     * @throws DataException when strict and some file cannot be read
     */
    public Scan read(boolean strict) {
        return read(strict, Windows.BRAIN_AND_BONE);
    }

    /**
     * Decodes the scan: its slices, and every problem found (those of {@link #problems()} first). With
     * {@code strict} the first problem is thrown instead. {@code windows} says whether the bone window is wanted:
     * {@link Windows#BRAIN} leaves every slice's bone null and neither windows HU to bone nor reads a CT-ICH bone
     * JPG (a scan already in memory is given back as it is).
     *
     * @throws DataException when strict and some file cannot be read
     */
    public Scan read(boolean strict, Windows windows) {
        if (strict && !found.isEmpty()) throw new DataException(found.get(0));
        List<DataProblem> problems = new ArrayList<>(found);
        List<ScanSlice> slices = decoder.decode(problems, strict, windows);
        return new Scan(name, source, slices, problems);
    }
}
