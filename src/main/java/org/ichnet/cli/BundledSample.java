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
}
