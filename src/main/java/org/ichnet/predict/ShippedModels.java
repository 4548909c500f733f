package org.ichnet.predict;

import org.ichnet.clinical.PendingScan;
import org.ichnet.io.BundledFiles;

import java.nio.file.Path;
import java.util.List;

/**
 * The trained ensemble shipped with the project, used when no model is given: one brain-window ensemble for
 * every kind of input (JPG/PNG as exported, DICOM and NIfTI windowed from Hounsfield units), trained on two
 * hospitals' CT with head framing (its MODEL_CARD.md). The CT-ICH-only brain+bone ensemble it replaced was
 * better on CT-ICH's own export but at chance on other hospitals' DICOM. The one place that knows which
 * folder is shipped.
 */
public final class ShippedModels {

    /** The shipped ensemble, relative to the install (see {@link BundledFiles}). */
    public static final String DEFAULT = "models/ich-wa2d";

    private ShippedModels() {
    }

    /** The ensemble for these scans: the shipped one, whatever they are (kept per input so that a second model can join). */
    public static Path folderFor(List<PendingScan> scans) {
        return folder();
    }

    /** Every shipped ensemble installed (for {@code ichnet serve}). */
    public static List<Path> installed() {
        return List.of(folder());
    }

    private static Path folder() {
        return BundledFiles.locate(DEFAULT, "no --model given (train one with `ichnet reproduce --out RUN_DIR` "
                + "and pass --model RUN_DIR/models), and the shipped model is");
    }
}
