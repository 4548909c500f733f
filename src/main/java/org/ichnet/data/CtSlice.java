package org.ichnet.data;

import java.nio.file.Path;

/**
 * One labelled axial slice. {@code boneImage} and {@code mask} may be null (generic folders have no
 * bone window; the CT-ICH release ships masks only for some copies).
 */
public record CtSlice(String patient, int sliceNumber, HemorrhageClass label, HemorrhageFlags flags,
                      Path brainImage, Path boneImage, Path mask) {

    /** Stable key "patient/slice" used in split and prediction files. */
    public String id() {
        return patient + "/" + sliceNumber;
    }
}
