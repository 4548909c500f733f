package org.ichnet.clinical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes single-file NIfTI-1 volumes for tests; fields are public to break headers on purpose. */
public final class SyntheticNifti {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int sizeofHdr = 348;
    short[] dim;
    short datatype = 4;
    float sclSlope;
    float sclInter;
    float voxOffset = 352;
    public String magic = "n+1";
    int truncateBy;
    final double[] stored;

    /** Stored value of voxel (i, j, k) = {@code i + 10 * j + 100 * k - 50}. */
    public SyntheticNifti(int nx, int ny, int nz) {
        dim = new short[]{3, (short) nx, (short) ny, (short) nz, 1, 1, 1, 1};
        stored = new double[nx * ny * nz];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) stored[i + nx * (j + ny * k)] = i + 10 * j + 100 * k - 50;
    }

    public Path write(Path file) throws IOException {
        ByteBuffer h = ByteBuffer.allocate((int) voxOffset).order(order);
        h.putInt(0, sizeofHdr);
        for (int d = 0; d < 8; d++) h.putShort(40 + 2 * d, dim[d]);
        h.putShort(70, datatype);
        h.putShort(72, (short) (8 * bytes()));
        for (int d = 0; d < 4; d++) h.putFloat(76 + 4 * d, d == 0 ? 1 : 0.5f * d);
        h.putFloat(108, voxOffset);
        h.putFloat(112, sclSlope);
        h.putFloat(116, sclInter);
        h.position(344);
        h.put(magic.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(stored.length * bytes()).order(order);
        for (double v : stored) put(data, v);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(h.array());
        all.write(data.array(), 0, data.capacity() - truncateBy);
        try (OutputStream out = file.toString().endsWith(".gz")
                ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            all.writeTo(out);
        }
        return file;
    }

    private int bytes() {
        return switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16 -> 4;
            case 64 -> 8;
            default -> 2;
        };
    }

    private void put(ByteBuffer b, double v) {
        switch (datatype) {
            case 2, 256 -> b.put((byte) v);
            case 8 -> b.putInt((int) v);
            case 16 -> b.putFloat((float) v);
            case 64 -> b.putDouble(v);
            default -> b.putShort((short) v);
        }
    }
}
