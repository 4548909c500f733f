package org.ichnet.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One scan to predict, never split across tasks.
 *
 * @param id     the scan's key in the output and for {@code --resume}: the input path (a URI string for remote
 *               files, an absolute path for local ones), or {@code dicom-series:<SeriesInstanceUID>}
 * @param source where it was read from: the path, or for a DICOM series the folder of its first file
 * @param kind   how the files are handed to the API
 * @param files  {@link Kind#PATH}: the one file or folder; {@link Kind#DICOM_SERIES}: every file of the series
 */
public record ScanUnit(String id, String source, Kind kind, List<String> files) implements Serializable {

    public enum Kind {
        /** A file or folder the API reads as one scan: JPG/PNG, a folder of them, a CT-ICH patient folder, NIfTI. */
        PATH,
        /** DICOM files of one SeriesInstanceUID, possibly from several folders: predicted as one folder. */
        DICOM_SERIES
    }

    public ScanUnit {
        files = List.copyOf(files);
    }

    static ScanUnit path(String path) {
        return new ScanUnit(path, path, Kind.PATH, List.of(path));
    }
}
