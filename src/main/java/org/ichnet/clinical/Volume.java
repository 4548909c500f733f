package org.ichnet.clinical;

/**
 * A CT volume in Hounsfield units as stored in the file: voxel (i, j, k) is
 * {@code values[i + nx * (j + ny * k)]}, k the axial slice index.
 *
 * @param pixdim voxel size in mm along i, j, k
 */
public record Volume(int nx, int ny, int nz, float[] values, double[] pixdim, String source) {
    public Volume {
        if (nx <= 0 || ny <= 0 || nz <= 0 || values.length != (long) nx * ny * nz) {
            throw new IllegalArgumentException(source + ": " + nx + "x" + ny + "x" + nz + " volume with " + values.length + " values");
        }
    }

    public float get(int i, int j, int k) {
        return values[i + nx * (j + ny * k)];
    }

    /**
     * Axial slice k laid out like the CT-ICH DICOM slices: image row y = i, column x = j (an
     * ny x nx image). Those DICOMs were written by MATLAB (niftiread + dicomwrite puts the first
     * array index on the rows) and carry no ImageOrientationPatient, so {@link Windowing#apply(HuSlice,
     * WindowPreset, boolean)} with {@code toCtIchOrientation} turns NIfTI slices as it turns those DICOMs. This
     * follows the CT-ICH convention only; qform/sform are not consulted.
     */
    public HuSlice axialSlice(int k) {
        if (k < 0 || k >= nz) throw new IndexOutOfBoundsException("slice " + k + " of " + nz);
        float[] hu = new float[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) hu[i * ny + j] = get(i, j, k);
        }
        return new HuSlice(ny, nx, hu, source + "#" + k, SliceMeta.NONE);
    }
}
