package org.ichnet.clinical;

/**
 * How DICOM/NIfTI slices are turned to look like the CT-ICH JPGs the models were trained on: anterior up, the
 * patient's right on the image's left (the radiological convention every viewer shows).
 */
final class CtIchOrientation {
    /**
     * CT-ICH's own DICOM and NIfTI files, which carry no ImageOrientationPatient (MATLAB wrote the NIfTI arrays
     * with their first index on the rows). Measured with OrientationMatch on the CT-ICH DICOM fixtures against
     * their JPGs: a quarter turn counter-clockwise wins on every slice (Pearson r 0.92-0.97); see
     * CtIchOrientationTest.
     */
    static final Dihedral DICOM_TO_JPG = Dihedral.ROTATE_270;

    /** How near an axis a direction cosine must be for the slice to count as axial: within about 45 degrees. */
    private static final double AXIS_DOMINANCE = Math.sqrt(0.5);

    private CtIchOrientation() {
    }

    /**
     * The turn for one slice. A scanner's file says where its rows and columns point in the patient
     * (ImageOrientationPatient): an axial slice is turned so that rightwards in the image is the patient's left and
     * downwards is the back, whatever the patient's position on the table. A file without that tag is laid out as CT-ICH's own
     * files are. A slice that is not axial (coronal, sagittal, or tilted past 45 degrees) is left as stored.
     */
    static Dihedral of(SliceMeta meta) {
        double[] cosines = meta.orientationPatient();
        if (cosines == null || cosines.length != 6) return DICOM_TO_JPG;
        Axis row = Axis.of(cosines[0], cosines[1]);
        Axis column = Axis.of(cosines[3], cosines[4]);
        if (row == null || column == null || row.sameAxis(column)) return Dihedral.IDENTITY;
        return switch (row) {
            case LEFT -> column == Axis.POSTERIOR ? Dihedral.IDENTITY : Dihedral.FLIP_VERTICAL;
            case RIGHT -> column == Axis.POSTERIOR ? Dihedral.FLIP_HORIZONTAL : Dihedral.ROTATE_180;
            case POSTERIOR -> column == Axis.LEFT ? Dihedral.TRANSPOSE : Dihedral.ROTATE_90;
            case ANTERIOR -> column == Axis.LEFT ? Dihedral.ROTATE_270 : Dihedral.ANTI_TRANSPOSE;
        };
    }

    /** The in-plane patient direction (DICOM's LPS axes) a direction cosine points along, or null when it points mostly head-to-foot. */
    private enum Axis {
        LEFT, RIGHT, POSTERIOR, ANTERIOR;

        static Axis of(double x, double y) {
            if (Math.abs(x) >= AXIS_DOMINANCE) return x > 0 ? LEFT : RIGHT;
            if (Math.abs(y) >= AXIS_DOMINANCE) return y > 0 ? POSTERIOR : ANTERIOR;
            return null;
        }

        boolean sameAxis(Axis other) {
            return (ordinal() < 2) == (other.ordinal() < 2);
        }
    }
}
