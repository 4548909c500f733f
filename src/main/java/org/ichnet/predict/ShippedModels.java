package org.ichnet.predict;

import org.ichnet.clinical.Scan;
import org.ichnet.io.BundledFiles;

import java.nio.file.Path;
import java.util.List;

/**
 * The trained ensembles shipped with the project, used when no model is given: the brain-window one for
 * JPG/PNG, and for inputs that carry the bone window too — DICOM and NIfTI in Hounsfield units, CT-ICH
 * patient folders with brain/ and bone/ JPGs — the brain+bone one (README: better AUC and Grad-CAM on the
 * same patient split). The one place that knows which folders are shipped.
 */
public final class ShippedModels {

    /** The brain-window ensemble, relative to the install (see {@link BundledFiles}). */
    public static final String BRAIN = "models/ct-ich-wa2d";
    /** The brain+bone ensemble, for inputs whose every slice has a bone window. */
    public static final String BRAIN_BONE = "models/ct-ich-wa2d-bone";

    private ShippedModels() {
    }

    /** The brain+bone ensemble when every slice of every scan has a bone window (and it is installed), else the brain one. */
    public static Path folderFor(List<Scan> scans) {
        boolean hounsfield = !scans.isEmpty()
                && scans.stream().allMatch(scan -> scan.slices().stream().allMatch(slice -> slice.bone() != null));
        return hounsfield ? BundledFiles.find(BRAIN_BONE).orElseGet(ShippedModels::brain) : brain();
    }

    /** Every shipped ensemble installed, the brain one first (for {@code ichnet serve}). */
    public static List<Path> installed() {
        List<Path> found = java.util.stream.Stream.of(BRAIN, BRAIN_BONE).flatMap(f -> BundledFiles.find(f).stream()).toList();
        return found.isEmpty() ? List.of(brain()) : found;
    }

    private static Path brain() {
        return BundledFiles.locate(BRAIN, "no --model given (train one with `ichnet reproduce --out RUN_DIR` "
                + "and pass --model RUN_DIR/models), and the shipped model is");
    }
}
