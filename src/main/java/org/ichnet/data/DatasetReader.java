package org.ichnet.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a data folder in whichever layout it has: CT-ICH release or class folders. */
public final class DatasetReader {

    private DatasetReader() {
    }

    public static CtDataset read(Path root, ReadOptions options) {
        if (!Files.isDirectory(root)) {
            throw new DataException(root, "no such data folder");
        }
        boolean ctIch = Files.exists(root.resolve(DiagnosisCsv.FILE_NAME))
                || Files.exists(root.resolve(CtIchReader.IMAGE_FOLDER));
        return ctIch ? CtIchReader.read(root, options) : ImageFolderReader.read(root, options);
    }
}
