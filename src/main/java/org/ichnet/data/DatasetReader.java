package org.ichnet.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a data folder in whichever layout its files show: the CT-ICH release
 * ({@code hemorrhage_diagnosis.csv}, {@code Patients_CT/}), PHE-SICH ({@code labels.csv}, {@code images/}),
 * else class folders. Several folders at once: {@link Sources}.
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
        if (PheSichReader.recognises(root)) return PheSichReader.read(root, options);
        return ImageFolderReader.read(root, options);
    }
}
