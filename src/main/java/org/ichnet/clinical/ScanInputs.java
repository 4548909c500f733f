package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.preprocess.ImageDecoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns the paths a user gives to {@code predict} into scans.
 *
 * <ul>
 *   <li>JPG/PNG file: one slice, taken as already brain-windowed (colour becomes gray); no bone image.</li>
 *   <li>{@code .dcm} file (or any file with the DICM marker): one slice.</li>
 *   <li>{@code .nii}/{@code .nii.gz}: one scan of its axial slices.</li>
 *   <li>folder: walked with every folder below it ({@link FolderWalk}: depth first, natural name order, symbolic
 *   links followed but not round a loop, hidden entries and DICOMDIR files left out). Each folder's own files
 *   give its scans:
 *   <ul>
 *     <li>JPG/PNG files: one scan, slices in natural file-name order;</li>
 *     <li>DICOM files: one scan per SeriesInstanceUID, each ordered as {@link DicomSeries#order}; with several
 *     series each scan is named {@code <folder>_series-<uid>};</li>
 *     <li>both JPG/PNG and DICOM files: a problem, since which to predict is the user's choice;</li>
 *     <li>each NIfTI volume: a scan of its own, named after its file as when given alone;</li>
 *     <li>{@code brain/} and {@code bone/} subfolders of JPGs with the same names (a CT-ICH patient folder): one
 *     scan whose slices carry both windows, so a brain+bone model takes the data set's own JPGs (a brain-window
 *     model, as the shipped one, uses {@code brain/} only); those two folders are not walked on their own.</li>
 *   </ul>
 *   Then its other subfolders are walked, whether or not it had files of its own. The given folder's scans are
 *   named after it, those below it by their path relative to it ({@code PATIENT/STUDY/SERIES}), so a tree of
 *   patient folders (CT-ICH's {@code Patients_CT/}) gives the names each patient folder gets alone. A folder with
 *   nothing to predict anywhere below it is one problem.</li>
 * </ul>
 * HU inputs are windowed to CT-ICH brain (and bone, when asked: {@link Windows}) and turned to the CT-ICH
 * orientation. A file that cannot be read becomes a {@link DataProblem} of its scan, or a {@link DataException}
 * when strict; a folder that cannot be listed, or a symbolic link loop, a problem naming it.
 * {@link #find} finds the scans without keeping pixels; each {@link PendingScan} is decoded when read.
 */
public final class ScanInputs {

    private ScanInputs() {
    }

    /**
     * The scans of the inputs, in input order, found without decoding: folders are listed, the headers of DICOM
     * files are read to group and order their series, NIfTI headers give their depth.
     * Nothing here throws for a bad file: its problem goes with its scan (see {@link PendingScan#read}).
     */
    public static List<PendingScan> find(List<Path> inputs) {
        List<PendingScan> scans = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) scans.addAll(folder(input));
            else scans.add(file(input));
        }
        return scans;
    }

    /** Finds and decodes every scan at once: for small inputs and tests; a large input wants {@link #find}, one scan at a time. */
    public static List<Scan> collect(List<Path> inputs, boolean strict) {
        return find(inputs).stream().map(scan -> scan.read(strict)).toList();
    }

    private static PendingScan file(Path file) {
        return file(file, baseName(file));
    }

    private static PendingScan file(Path file, String name) {
        if (!Files.isRegularFile(file)) return unreadable(name, file, "no such file or folder");
        if (isImage(file)) {
            return decodedAsOne(name, file, 1, windows -> List.of(new ScanSlice(file.toString(), ImageDecoder.readGray(file), null)));
        }
        if (NiftiReader.isNifti(file)) {
            return decodedAsOne(name, file, NiftiReader.sliceCount(file), windows -> volumeSlices(NiftiReader.read(file), windows));
        }
        if (DicomSeries.isDicomDir(file)) {
            return unreadable(name, file, "a DICOMDIR (the index of a DICOM export), not a slice; give the folder it is in");
        }
        if (DicomSeries.hasDicomExtension(file) || DicomFileMeta.hasMagic(file)) {
            return decodedAsOne(name, file, 1, windows -> List.of(windowed(DicomReader.read(file), 0, windows)));
        }
        return unreadable(name, file, "not a JPG, PNG, DICOM or NIfTI file");
    }

    /** A one-file scan: the file decodes, or the whole scan is its one problem. */
    private static PendingScan decodedAsOne(String name, Path file, int sliceCount, Function<Windows, List<ScanSlice>> decode) {
        return new PendingScan(name, file, sliceCount, List.of(), (problems, strict, windows) -> {
            try {
                return decode.apply(windows);
            } catch (DataException e) {
                problems.add(problem(e, strict));
                return List.of();
            }
        });
    }

    private static PendingScan unreadable(String name, Path input, String problem) {
        return PendingScan.unreadable(name, input, List.of(new DataProblem(input, problem)));
    }

    private static List<PendingScan> folder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
        List<PendingScan> scans = FolderWalk.walk(folder, name, ScanInputs::ownScans);
        if (!scans.isEmpty()) return scans;
        return List.of(unreadable(name, folder, "no JPG, PNG, DICOM or NIfTI files in folder or its subfolders (nor brain/ "
                + "and bone/ folders of a CT-ICH patient)"));
    }

    /** The scans of one folder's own files (see the class comment); NIfTI volumes are named {@code prefix + base name}. */
    private static List<PendingScan> ownScans(Path folder, FolderEntries entries, String name, String prefix) {
        List<Path> images = entries.images(), dicoms = entries.dicoms(), brainImages = entries.brainImages();
        List<PendingScan> scans = new ArrayList<>();
        if (!images.isEmpty() && !dicoms.isEmpty()) {
            scans.add(unreadable(name, folder, "folder mixes " + images.size() + " JPG/PNG and "
                    + dicoms.size() + " DICOM files; give one kind per folder"));
        } else if (!images.isEmpty()) {
            scans.add(new PendingScan(name, folder, images.size(), List.of(),
                    (problems, strict, windows) -> imageSlices(images, null, problems, strict)));
        } else if (!dicoms.isEmpty()) {
            scans.addAll(dicomScans(folder, name, dicoms));
        }
        for (Path volume : entries.volumes()) scans.add(file(volume, prefix + baseName(volume)));
        if (!brainImages.isEmpty()) {
            Path bone = folder.resolve(FolderEntries.BONE);
            scans.add(new PendingScan(name, folder, brainImages.size(), List.of(),
                    (problems, strict, windows) -> imageSlices(brainImages, windows.bone() ? bone : null, problems, strict)));
        }
        return scans;
    }

    /**
     * Brain-window images in order, each with the bone-window image of the same name in {@code boneFolder}
     * when there is one there (a null folder: brain only). A slice that fails to decode is a problem, and its
     * place stays empty so neighbour channels do not bridge it.
     */
    private static List<ScanSlice> imageSlices(List<Path> brains, Path boneFolder, List<DataProblem> problems, boolean strict) {
        List<ScanSlice> slices = new ArrayList<>();
        for (int i = 0; i < brains.size(); i++) {
            Path brain = brains.get(i);
            Path bone = boneFolder == null ? null : boneFolder.resolve(brain.getFileName().toString());
            try {
                slices.add(new ScanSlice(brain.toString(), ImageDecoder.readGray(brain),
                        bone != null && Files.isRegularFile(bone) ? ImageDecoder.readGray(bone) : null, i));
            } catch (DataException e) {
                problems.add(problem(e, strict));
            }
        }
        return slices;
    }

    /** A DICOM file of a folder, read for its header: its place among the folder's files and where it lies. */
    private record DicomFile(Path file, int index, SliceMeta meta) {
    }

    /**
     * One scan per series of the folder: each file's header is read here ({@link DicomReader#readMeta}), its pixels
     * are decoded once, when its scan is read. Files whose header cannot be read belong to no known series: their
     * problems go with the first scan, so each is reported once.
     */
    private static List<PendingScan> dicomScans(Path folder, String name, List<Path> files) {
        List<DicomFile> read = new ArrayList<>();
        List<DataProblem> unreadable = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                read.add(new DicomFile(files.get(i), i, DicomReader.readMeta(files.get(i))));
            } catch (DataException e) {
                unreadable.add(problem(e, false));
            }
        }
        Map<String, List<DicomFile>> series = DicomSeries.bySeries(read, DicomFile::meta);
        if (series.isEmpty()) return List.of(PendingScan.unreadable(name, folder, unreadable));
        List<PendingScan> scans = new ArrayList<>();
        for (Map.Entry<String, List<DicomFile>> one : series.entrySet()) {
            String scanName = series.size() == 1 ? name : name + "_series-" + seriesLabel(one.getKey());
            List<DicomFile> ordered = DicomSeries.order(one.getValue(), DicomFile::meta);
            int[] places = DicomSeries.places(ordered, DicomFile::meta, DicomFile::index);
            scans.add(new PendingScan(scanName, folder, ordered.size(), scans.isEmpty() ? unreadable : List.of(),
                    (problems, strict, windows) -> seriesSlices(ordered, places, problems, strict, windows)));
        }
        return scans;
    }

    /** The UID as a file-name part (Grad-CAM files are named after scans); a UID is digits and dots. */
    private static String seriesLabel(String uid) {
        return uid == null ? "untagged" : uid.replaceAll("[^0-9A-Za-z.]", "_");
    }

    private static List<ScanSlice> seriesSlices(List<DicomFile> ordered, int[] places, List<DataProblem> problems, boolean strict,
                                                Windows windows) {
        List<ScanSlice> slices = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            try {
                slices.add(windowed(DicomReader.read(ordered.get(i).file()), places[i], windows));
            } catch (DataException e) {
                // pixels that do not decode (only the header was read when found), or a file changed since: a gap
                // like any unreadable slice
                problems.add(problem(e, strict));
            }
        }
        return slices;
    }

    private static List<ScanSlice> volumeSlices(Volume volume, Windows windows) {
        List<ScanSlice> slices = new ArrayList<>();
        for (int k = 0; k < volume.nz(); k++) slices.add(windowed(volume.axialSlice(k), k, windows));
        return slices;
    }

    private static ScanSlice windowed(HuSlice slice, int place, Windows windows) {
        return new ScanSlice(slice.source(),
                Windowing.apply(slice, WindowPreset.BRAIN_CTICH, true),
                windows.bone() ? Windowing.apply(slice, WindowPreset.BONE_CTICH, true) : null, place);
    }

    private static DataProblem problem(DataException e, boolean strict) {
        if (strict) throw e;
        String prefix = e.file() + ": ";
        String text = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
        return new DataProblem(e.file(), text);
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        for (String ext : new String[]{".nii.gz", ".nii", ".dcm", ".jpg", ".jpeg", ".png"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) return name.substring(0, name.length() - ext.length());
        }
        return name;
    }
}
