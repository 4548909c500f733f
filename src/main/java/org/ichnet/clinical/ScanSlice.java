package org.ichnet.clinical;

import org.ichnet.preprocess.GrayImage;

/**
 * One slice ready for the models, in the CT-ICH JPG orientation.
 *
 * @param label a file path, or {@code path#k} for slice k of a volume
 * @param brain brain-window image (CT-ICH L40/W120)
 * @param bone  bone-window image (CT-ICH L700/W3200), or null when the input had no HU (JPG/PNG)
 * @param ordinal the slice's place in its scan with gaps counted (files that could not be read, or slices
 *              missing from a DICOM series by their positions), or -1 when the list order is all that is
 *              known; neighbour channels must not bridge a gap
 */
public record ScanSlice(String label, GrayImage brain, GrayImage bone, int ordinal) {
    public ScanSlice(String label, GrayImage brain, GrayImage bone) {
        this(label, brain, bone, -1);
    }

    /** Whether {@code other} is this slice's neighbour {@code step} (-1 or +1) places away, as far as is known. */
    public boolean adjoins(ScanSlice other, int step) {
        return ordinal < 0 || other.ordinal < 0 || other.ordinal == ordinal + step;
    }
}
