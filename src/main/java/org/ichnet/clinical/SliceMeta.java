package org.ichnet.clinical;

/**
 * Where a slice sits in its series, as far as the file tells.
 *
 * @param seriesUid          SeriesInstanceUID, or null
 * @param positionPatient    ImagePositionPatient (x, y, z of the first voxel, mm), or null
 * @param orientationPatient ImageOrientationPatient (row then column direction cosines), or null
 * @param instanceNumber     InstanceNumber, or -1
 * @param sliceLocation      SliceLocation in mm, or NaN
 */
public record SliceMeta(String seriesUid, double[] positionPatient, double[] orientationPatient,
                        int instanceNumber, double sliceLocation) {

    public static final SliceMeta NONE = new SliceMeta(null, null, null, -1, Double.NaN);
}
