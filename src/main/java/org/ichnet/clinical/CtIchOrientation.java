package org.ichnet.clinical;

/** How DICOM/NIfTI slices are turned to look like the CT-ICH JPGs the models were trained on. */
final class CtIchOrientation {
    /**
     * Measured with OrientationMatch on the CT-ICH DICOM fixtures against their JPGs: a quarter
     * turn counter-clockwise wins on every slice (Pearson r 0.92-0.97); see CtIchOrientationTest.
     */
    static final Dihedral DICOM_TO_JPG = Dihedral.ROTATE_270;

    private CtIchOrientation() {
    }
}
