package org.ichnet.cli;

import java.nio.file.Path;
import java.util.List;

import org.ichnet.clinical.Scan;

/**
 * The trained ensembles shipped with the project, used when {@code predict} gets no {@code --model}:
 * the brain-window one for JPG/PNG, and for inputs that carry the bone window too — DICOM and NIfTI in
 * Hounsfield units, CT-ICH patient folders with brain/ and bone/ JPGs — the brain+bone one (README: better
 * AUC and Grad-CAM on the same patient split).
 */
final class BundledModel {

    static final String RELATIVE = "models/ct-ich-wa2d";
    static final String BRAIN_BONE_RELATIVE = "models/ct-ich-wa2d-bone";

    private BundledModel() {
    }

    static Path locate() {
        return BundledFiles.locate(RELATIVE, "no --model given (train one with `ichnet reproduce --out RUN_DIR` "
                + "and pass --model RUN_DIR/models), and the shipped model is");
    }

    /** Every shipped ensemble found, for {@code serve}: the brain one first, then the brain+bone one. */
    static List<Path> all() {
        List<Path> found = java.util.stream.Stream.of(RELATIVE, BRAIN_BONE_RELATIVE)
                .flatMap(relative -> BundledFiles.find(relative).stream()).toList();
        return found.isEmpty() ? List.of(locate()) : found;
    }

    /** The brain+bone ensemble when every slice of every scan has a bone window, else the brain one. */
    static Path locateFor(List<Scan> scans) {
        boolean hounsfield = !scans.isEmpty()
                && scans.stream().allMatch(scan -> scan.slices().stream().allMatch(slice -> slice.bone() != null));
        return hounsfield ? BundledFiles.find(BRAIN_BONE_RELATIVE).orElseGet(BundledModel::locate) : locate();
    }
}
