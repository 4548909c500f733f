package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.preprocess.ImageSizeLimit;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Reads a single-file NIfTI-1 volume ({@code .nii} or {@code .nii.gz}) into Hounsfield units. */
public final class NiftiReader {
    /** 2^28 voxels (1 GiB as floats): 512x512 slices, 1,024 of them; a head CT has a few hundred. Checked before allocation. */
    static final long MAX_VOXELS = 1L << 28;

    private NiftiReader() {
    }

    public static boolean isNifti(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    /** The number of axial slices its header claims, read without the voxels; 0 when the header cannot be read. */
    public static int sliceCount(Path file) {
        try (InputStream in = open(file)) {
            return NiftiHeader.parse(file, in.readNBytes(NiftiHeader.SIZE)).nz();
        } catch (IOException | DataException e) {
            return 0;
        }
    }

    public static Volume read(Path file) {
        if (!Files.isRegularFile(file)) throw new DataException(file, "no such NIfTI file");
        try (InputStream in = open(file)) {
            NiftiHeader header = NiftiHeader.parse(file, in.readNBytes(NiftiHeader.SIZE));
            in.skipNBytes(header.voxOffset() - NiftiHeader.SIZE);
            ImageSizeLimit.check(file, header.nx(), header.ny());
            if (header.voxelCount() > MAX_VOXELS) {
                throw new DataException(file, "header claims " + header.nx() + "x" + header.ny() + "x" + header.nz()
                        + " voxels, above the " + MAX_VOXELS + "-voxel limit (corrupt file?)");
            }
            long needed = header.voxelCount() * header.datatype().bytes;
            byte[] data = in.readNBytes((int) needed);
            if (data.length < needed) {
                throw new DataException(file, "truncated NIfTI voxel data (" + data.length + " of " + needed + " bytes)");
            }
            return new Volume(header.nx(), header.ny(), header.nz(), values(header, data), header.pixdim(), file.toString());
        } catch (EOFException e) {
            throw new DataException(file, "truncated NIfTI file", e);
        } catch (IOException e) {
            throw new DataException(file, "cannot read NIfTI file: " + e.getMessage(), e);
        }
    }

    /** gzip is recognised by its magic bytes, so a mis-named file still opens. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static float[] values(NiftiHeader header, byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(header.order());
        NiftiDatatype type = header.datatype();
        boolean scale = header.scales();
        float[] out = new float[(int) header.voxelCount()];
        for (int v = 0; v < out.length; v++) {
            double stored = type.read(b, v * type.bytes);
            out[v] = (float) (scale ? header.sclSlope() * stored + header.sclInter() : stored);
        }
        return out;
    }
}
