package org.ichnet.cli;

import java.nio.file.Path;

/** The small real CT-ICH sample in the repository, the default data of every command. */
public final class BundledSample {

    static final String RELATIVE = "sample/ct-ich-sample";

    private BundledSample() {
    }

    public static Path locate() {
        return BundledFiles.locate(RELATIVE, "no data folder given and the bundled sample is");
    }

    /** A bundled DICOM slice in Hounsfield units (an SDH slice of patient 071). */
    static Path locateDicom() {
        return BundledFiles.locate("sample/ct-ich-dicom", "the bundled DICOM sample is").resolve("071_14.dcm");
    }
}
