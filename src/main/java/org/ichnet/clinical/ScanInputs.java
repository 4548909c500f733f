package org.ichnet.clinical;

import org.ichnet.data.CtIchReader;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.preprocess.ImageDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns the paths a user gives to {@code predict} into scans.
 *
 * <ul>
 *   <li>JPG/PNG file: one slice, taken as already brain-windowed (colour becomes gray); no bone image.</li>
 *   <li>folder of JPG/PNG: one scan, slices in natural file-name order.</li>
 *   <li>CT-ICH patient folder ({@code brain/} and {@code bone/} of JPGs with the same names): one scan whose
 *   slices carry both windows, so a brain+bone model takes the data set's own JPGs (a brain-window model, as
 *   the shipped one, uses {@code brain/} only).</li>
 *   <li>{@code .dcm} file (or any file with the DICM marker): one slice.</li>
 *   <li>folder of DICOM files: one scan per SeriesInstanceUID, each ordered as {@link DicomSeries#order}; with
 *   several series each scan is named {@code <folder>_series-<uid>}.</li>
 *   <li>{@code .nii}/{@code .nii.gz}: one scan of its axial slices.</li>
 * </ul>
 * HU inputs are windowed to CT-ICH brain (and bone, when asked: {@link Windows}) and turned to the CT-ICH orientation. A file that
 * cannot be read becomes a {@link DataProblem} of its scan, or a {@link DataException} when strict.
 * {@link #find} finds the scans without keeping pixels; each {@link PendingScan} is decoded when read.
 * A folder mixing images and DICOM files is a problem: which one to predict is the user's choice.
 */
public final class ScanInputs {

    /** The window folders of a CT-ICH patient folder. */
    private static final String BRAIN = "brain", BONE = "bone";

    private ScanInputs() {
    }

    /**
     * The scans of the inputs, in input order, found without decoding: folders are listed, DICOM files are read
     * once to group and order their series (their pixels are dropped at once), NIfTI headers give their depth.
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
        String name = baseName(file);
        if (!Files.isRegularFile(file)) return unreadable(name, file, "no such file or folder");
        if (isImage(file)) {
            return decodedAsOne(name, file, 1, windows -> List.of(new ScanSlice(file.toString(), ImageDecoder.readGray(file), null)));
        }
        if (NiftiReader.isNifti(file)) {
            return decodedAsOne(name, file, NiftiReader.sliceCount(file), windows -> volumeSlices(NiftiReader.read(file), windows));
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
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        List<Path> images = images(folder);
        List<Path> dicoms = DicomSeries.files(folder);
        List<Path> brainImages = images.isEmpty() && dicoms.isEmpty() && Files.isDirectory(folder.resolve(BRAIN))
                ? images(folder.resolve(BRAIN)) : List.of();
        if (!images.isEmpty() && !dicoms.isEmpty()) {
            return List.of(unreadable(name, folder, "folder mixes " + images.size() + " JPG/PNG and "
                    + dicoms.size() + " DICOM files; give one kind per folder"));
        } else if (!images.isEmpty()) {
            return List.of(new PendingScan(name, folder, images.size(), List.of(),
                    (problems, strict, windows) -> imageSlices(images, null, problems, strict)));
        } else if (!dicoms.isEmpty()) {
            return dicomScans(folder, name, dicoms);
        } else if (!brainImages.isEmpty()) {
            return List.of(new PendingScan(name, folder, brainImages.size(), List.of(),
                    (problems, strict, windows) -> imageSlices(brainImages, windows.bone() ? folder.resolve(BONE) : null, problems, strict)));
        }
        return List.of(unreadable(name, folder, "no JPG, PNG or DICOM files in folder (nor brain/ and bone/ "
                + "folders of a CT-ICH patient)"));
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
     * One scan per series of the folder, each file read once here for its header (the pixels are dropped) and
     * again when its scan is read. Files that cannot be read belong to no known series: their problems go with
     * the first scan, so each is reported once.
     */
    private static List<PendingScan> dicomScans(Path folder, String name, List<Path> files) {
        List<DicomFile> read = new ArrayList<>();
        List<DataProblem> unreadable = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                read.add(new DicomFile(files.get(i), i, DicomReader.read(files.get(i)).meta()));
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
                problems.add(problem(e, strict)); // read before, so the file changed since: a gap like any unreadable slice
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

    private static List<Path> images(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            // a CT-ICH brain/ folder keeps its masks beside the slices: they are not slices
            return entries.filter(Files::isRegularFile).filter(ScanInputs::isImage).filter(f -> !CtIchReader.isMask(f))
                    .sorted(NaturalOrder.BY_FILE_NAME).toList();
        } catch (IOException e) {
            throw new DataException(folder, "cannot list folder: " + e.getMessage(), e);
        }
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
