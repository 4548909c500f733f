package org.ichnet.clinical;

import org.ichnet.data.CtIchReader;
import org.ichnet.data.DataException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one folder holds for {@code predict}, each list in natural name order: JPG/PNG slices (CT-ICH
 * {@code _HGE_Seg} masks left out), DICOM files ({@code .dcm}, or the DICM marker at byte 128), NIfTI volumes,
 * the images of the {@code brain/} folder of a CT-ICH patient (when it holds some, it and {@code bone/} are
 * not subfolders to walk), and the other subfolders. Hidden entries (a name starting with a dot: {@code .DS_Store},
 * {@code .git}, macOS {@code ._x.jpg}) and DICOMDIR files (an index of a DICOM export, not a slice) are left out.
 * Symbolic links are followed.
 */
record FolderEntries(List<Path> images, List<Path> dicoms, List<Path> volumes, List<Path> brainImages, List<Path> subfolders) {

    /** The window folders of a CT-ICH patient folder. */
    static final String BRAIN = "brain", BONE = "bone";

    /**
     * Lists {@code folder}.
     *
     * @throws DataException when the folder cannot be listed
     */
    static FolderEntries list(Path folder) {
        List<Path> images = new ArrayList<>(), dicoms = new ArrayList<>(), volumes = new ArrayList<>(), folders = new ArrayList<>();
        for (Path entry : visible(folder)) {
            if (Files.isDirectory(entry)) {
                folders.add(entry);
            } else if (Files.isRegularFile(entry)) {
                if (ScanInputs.isImage(entry)) {
                    if (isSlice(entry)) images.add(entry);
                } else if (NiftiReader.isNifti(entry)) {
                    volumes.add(entry);
                } else if (DicomSeries.isDicom(entry)) {
                    dicoms.add(entry);
                }
            }
        }
        List<Path> brainImages = ctIchBrainImages(folder, folders);
        if (!brainImages.isEmpty()) folders.removeIf(f -> f.getFileName().toString().equals(BRAIN) || f.getFileName().toString().equals(BONE));
        return new FolderEntries(List.copyOf(images), List.copyOf(dicoms), List.copyOf(volumes), brainImages, List.copyOf(folders));
    }

    /** The visible entries of a folder, in natural name order. */
    static List<Path> visible(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !isHidden(p)).sorted(NaturalOrder.BY_FILE_NAME).toList();
        } catch (IOException | SecurityException e) {
            throw new DataException(folder, "cannot list folder: " + reason(e), e);
        }
    }

    static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }

    /** The images of a {@code brain/} subfolder, which make the folder a CT-ICH patient's; none when there is no such folder. */
    private static List<Path> ctIchBrainImages(Path folder, List<Path> folders) {
        if (folders.stream().noneMatch(f -> f.getFileName().toString().equals(BRAIN))) return List.of();
        try {
            return visible(folder.resolve(BRAIN)).stream().filter(Files::isRegularFile).filter(FolderEntries::isSlice).toList();
        } catch (DataException e) {
            return List.of(); // then walked as a subfolder, which names the problem
        }
    }

    /** An image that is a slice: a CT-ICH brain/ folder keeps its {@code _HGE_Seg} masks beside the slices. */
    private static boolean isSlice(Path image) {
        return ScanInputs.isImage(image) && !CtIchReader.isMask(image);
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage();
    }
}
