package org.ichnet.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One labelled axial slice. {@code boneImage} and {@code mask} may be null (generic folders have no
 * bone window; the CT-ICH release ships masks only for some copies). {@code boxes} are the annotated
 * lesion boxes where a source has them (PHE-SICH), else empty.
 */
public record CtSlice(String patient, int sliceNumber, HemorrhageClass label, HemorrhageFlags flags,
                      Path brainImage, Path boneImage, Path mask, List<LesionBox> boxes) {

    public CtSlice {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    public CtSlice(String patient, int sliceNumber, HemorrhageClass label, HemorrhageFlags flags,
                   Path brainImage, Path boneImage, Path mask) {
        this(patient, sliceNumber, label, flags, brainImage, boneImage, mask, List.of());
    }

    /** Stable key "patient/slice" used in split and prediction files. */
    public String id() {
        return patient + "/" + sliceNumber;
    }

    /** The same slice under another patient id (a source's namespace added). */
    public CtSlice withPatient(String other) {
        return new CtSlice(other, sliceNumber, label, flags, brainImage, boneImage, mask, boxes);
    }
}
