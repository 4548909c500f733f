package org.ichnet.clinical;

import org.ichnet.data.CtIchReader;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.preprocess.ImageDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
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
 * HU inputs are windowed to CT-ICH brain and bone and turned to the CT-ICH orientation. A file that
 * cannot be read becomes a {@link DataProblem} of its scan, or a {@link DataException} when strict.
 * A folder mixing images and DICOM files is a problem: which one to predict is the user's choice.
 */
public final class ScanInputs {

    /** The window folders of a CT-ICH patient folder. */
    private static final String BRAIN = "brain", BONE = "bone";

    private ScanInputs() {
    }

    public static List<Scan> collect(List<Path> inputs, boolean strict) {
        List<Scan> scans = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) scans.addAll(folder(input, strict));
            else scans.add(file(input, strict));
        }
        return scans;
    }

    private static Scan file(Path file, boolean strict) {
        String name = baseName(file);
        try {
            if (!Files.isRegularFile(file)) throw new DataException(file, "no such file or folder");
            List<ScanSlice> slices;
            if (isImage(file)) slices = List.of(new ScanSlice(file.toString(), ImageDecoder.readGray(file), null));
            else if (NiftiReader.isNifti(file)) slices = volumeSlices(NiftiReader.read(file));
            else if (DicomSeries.hasDicomExtension(file) || DicomFileMeta.hasMagic(file)) slices = List.of(windowed(DicomReader.read(file), 0));
            else throw new DataException(file, "not a JPG, PNG, DICOM or NIfTI file");
            return new Scan(name, file, slices, List.of());
        } catch (DataException e) {
            return new Scan(name, file, List.of(), List.of(problem(e, strict)));
        }
    }

    private static List<Scan> folder(Path folder, boolean strict) {
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        List<Path> images = images(folder);
        List<Path> dicoms = DicomSeries.files(folder);
        List<Path> brainImages = images.isEmpty() && dicoms.isEmpty() && Files.isDirectory(folder.resolve(BRAIN))
                ? images(folder.resolve(BRAIN)) : List.of();
        List<DataProblem> problems = new ArrayList<>();
        List<ScanSlice> slices = new ArrayList<>();
        if (!images.isEmpty() && !dicoms.isEmpty()) {
            problems.add(problem(new DataException(folder, "folder mixes " + images.size() + " JPG/PNG and "
                    + dicoms.size() + " DICOM files; give one kind per folder"), strict));
        } else if (!images.isEmpty()) {
            slices.addAll(imageSlices(images, null, problems, strict));
        } else if (!dicoms.isEmpty()) {
            return dicomScans(folder, name, dicoms, strict);
        } else if (!brainImages.isEmpty()) {
            slices.addAll(imageSlices(brainImages, folder.resolve(BONE), problems, strict));
        } else {
            problems.add(problem(new DataException(folder, "no JPG, PNG or DICOM files in folder (nor brain/ and bone/ "
                    + "folders of a CT-ICH patient)"), strict));
        }
        return List.of(new Scan(name, folder, slices, problems));
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

    /**
     * One scan per series of the folder. Files that cannot be read belong to no known series: their
     * problems go with the first scan, so each is reported once.
     */
    private static List<Scan> dicomScans(Path folder, String name, List<Path> files, boolean strict) {
        List<HuSlice> read = new ArrayList<>();
        List<DataProblem> unreadable = new ArrayList<>();
        Map<HuSlice, Integer> fileIndex = new IdentityHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                HuSlice slice = DicomReader.read(files.get(i));
                read.add(slice);
                fileIndex.put(slice, i);
            } catch (DataException e) {
                unreadable.add(problem(e, strict));
            }
        }
        Map<String, List<HuSlice>> series = DicomSeries.bySeries(read);
        if (series.isEmpty()) return List.of(new Scan(name, folder, List.of(), unreadable));
        List<Scan> scans = new ArrayList<>();
        for (Map.Entry<String, List<HuSlice>> one : series.entrySet()) {
            String scanName = series.size() == 1 ? name : name + "_series-" + seriesLabel(one.getKey());
            scans.add(new Scan(scanName, folder, seriesSlices(one.getValue(), fileIndex), scans.isEmpty() ? unreadable : List.of()));
        }
        return scans;
    }

    /** The UID as a file-name part (Grad-CAM files are named after scans); a UID is digits and dots. */
    private static String seriesLabel(String uid) {
        return uid == null ? "untagged" : uid.replaceAll("[^0-9A-Za-z.]", "_");
    }

    private static List<ScanSlice> seriesSlices(List<HuSlice> series, Map<HuSlice, Integer> fileIndex) {
        List<HuSlice> ordered = DicomSeries.order(series);
        int[] places = DicomSeries.places(ordered, fileIndex::get);
        List<ScanSlice> slices = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) slices.add(windowed(ordered.get(i), places[i]));
        return slices;
    }

    private static List<ScanSlice> volumeSlices(Volume volume) {
        List<ScanSlice> slices = new ArrayList<>();
        for (int k = 0; k < volume.nz(); k++) slices.add(windowed(volume.axialSlice(k), k));
        return slices;
    }

    private static ScanSlice windowed(HuSlice slice, int place) {
        return new ScanSlice(slice.source(),
                Windowing.apply(slice, WindowPreset.BRAIN_CTICH, true),
                Windowing.apply(slice, WindowPreset.BONE_CTICH, true), place);
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
