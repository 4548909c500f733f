package org.ichnet.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a data folder in whichever layout its files show: the CT-ICH release
 * ({@code hemorrhage_diagnosis.csv}, {@code Patients_CT/}), an image list (a two-column {@code labels.csv} naming
 * images in the folder), PHE-SICH ({@code labels.csv}, {@code images/}), else class folders. Several folders at once: {@link Sources}.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    public static CtDataset read(Path root, ReadOptions options) {
        if (!Files.isDirectory(root)) {
            throw new DataException(root, "no such data folder");
        }
        boolean ctIch = Files.exists(root.resolve(DiagnosisCsv.FILE_NAME))
                || Files.exists(root.resolve(CtIchReader.IMAGE_FOLDER));
        if (ctIch) return CtIchReader.read(root, options);
        // before PHE-SICH: both have a labels.csv, told apart by its columns (an image list names files in this folder)
        if (ImageLabelsReader.recognises(root)) return ImageLabelsReader.read(root, options);
        if (PheSichReader.recognises(root)) return PheSichReader.read(root, options);
        return ImageFolderReader.read(root, options);
    }
}
