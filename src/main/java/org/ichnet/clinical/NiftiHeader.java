package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The fields of a single-file NIfTI-1 header (348 bytes) that a CT reader needs. */
record NiftiHeader(ByteOrder order, int nx, int ny, int nz, NiftiDatatype datatype, double[] pixdim,
                   long voxOffset, float sclSlope, float sclInter) {
    static final int SIZE = 348;

    static NiftiHeader parse(Path file, byte[] bytes) {
        if (bytes.length < SIZE) {
            throw new DataException(file, "not a NIfTI-1 file (" + bytes.length + " bytes, header needs " + SIZE + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != SIZE) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != SIZE) {
                throw new DataException(file, "not a NIfTI-1 file (sizeof_hdr " + b.order(ByteOrder.LITTLE_ENDIAN).getInt(0) + ", expected 348)");
            }
        }
        String magic = new String(bytes, 344, 3, StandardCharsets.US_ASCII);
        if (magic.equals("ni1")) {
            throw new DataException(file, "NIfTI header/image pair (magic ni1) is not supported; convert to a single .nii file");
        }
        if (!magic.equals("n+1")) {
            throw new DataException(file, "bad NIfTI-1 magic '" + printable(magic) + "' (expected n+1)");
        }
        int rank = b.getShort(40);
        if (rank < 2 || rank > 7) throw new DataException(file, "bad NIfTI dim[0] " + rank + " (expected 2..7)");
        int[] dim = new int[8];
        for (int d = 1; d <= rank; d++) {
            dim[d] = b.getShort(40 + 2 * d);
            if (dim[d] <= 0) throw new DataException(file, "bad NIfTI dim[" + d + "] " + dim[d] + " (must be > 0)");
        }
        for (int d = 4; d <= rank; d++) {
            if (dim[d] > 1) throw new DataException(file, "NIfTI with " + rank + " dimensions (dim[" + d + "] = " + dim[d] + ") is not a 3D volume");
        }
        NiftiDatatype datatype = NiftiDatatype.of(file, b.getShort(70));
        double[] pixdim = {b.getFloat(80), b.getFloat(84), rank >= 3 ? b.getFloat(88) : 1};
        float voxOffset = b.getFloat(108);
        if (!(voxOffset >= SIZE)) throw new DataException(file, "bad NIfTI vox_offset " + voxOffset + " (must be >= 348)");
        return new NiftiHeader(b.order(), dim[1], dim[2], rank >= 3 ? dim[3] : 1, datatype, pixdim,
                (long) voxOffset, b.getFloat(112), b.getFloat(116));
    }

    long voxelCount() {
        return (long) nx * ny * nz;
    }

    /** NIfTI-1: a zero (or non-finite) scl_slope means the stored values are used as they are. */
    boolean scales() {
        return sclSlope != 0 && Float.isFinite(sclSlope);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
