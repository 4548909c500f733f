package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class NiftiReaderTest {
    @TempDir
    Path dir;

    /** Signed types keep the -50 of voxel (0,0,0); unsigned ones are written with values >= 0. */
    @ParameterizedTest
    @ValueSource(shorts = {4, 8, 16, 64, 256})
    void signedDatatypesReadBack(short datatype) throws IOException {
        SyntheticNifti n = new SyntheticNifti(4, 3, 2);
        n.datatype = datatype;
        Volume v = NiftiReader.read(n.write(dir.resolve("v.nii")));
        assertEquals(-50f, v.get(0, 0, 0));
        assertEquals(3 + 20 + 100 - 50f, v.get(3, 2, 1));
    }

    @ParameterizedTest
    @ValueSource(shorts = {2, 512})
    void unsignedDatatypesReadBack(short datatype) throws IOException {
        SyntheticNifti n = new SyntheticNifti(4, 3, 2);
        n.datatype = datatype;
        for (int i = 0; i < n.stored.length; i++) n.stored[i] += 100;
        Volume v = NiftiReader.read(n.write(dir.resolve("v.nii")));
        assertEquals(50f, v.get(0, 0, 0));
        assertEquals(173f, v.get(3, 2, 1));
    }

    @Test
    void gzipBigEndianAndScaling() throws IOException {
        SyntheticNifti n = new SyntheticNifti(5, 4, 3);
        n.order = ByteOrder.BIG_ENDIAN;
        n.sclSlope = 2;
        n.sclInter = -1024;
        Volume v = NiftiReader.read(n.write(dir.resolve("v.nii.gz")));
        assertEquals(5, v.nx());
        assertEquals(4, v.ny());
        assertEquals(3, v.nz());
        assertEquals(2 * (-50) - 1024f, v.get(0, 0, 0));
        assertEquals(2 * (4 + 30 + 200 - 50) - 1024f, v.get(4, 3, 2));
        assertArrayEquals(new double[]{0.5, 1.0, 1.5}, v.pixdim());
    }

    @Test
    void zeroSlopeMeansNoScaling() throws IOException {
        SyntheticNifti n = new SyntheticNifti(2, 2, 1);
        n.sclSlope = 0;
        n.sclInter = 500;
        assertEquals(-50f, NiftiReader.read(n.write(dir.resolve("v.nii"))).get(0, 0, 0));
    }

    @Test
    void voxOffsetBeyondTheHeaderIsHonoured() throws IOException {
        SyntheticNifti n = new SyntheticNifti(2, 2, 1);
        n.voxOffset = 400;
        assertEquals(-39f, NiftiReader.read(n.write(dir.resolve("v.nii"))).get(1, 1, 0));
    }

    /** Row y of the slice is i, column x is j, as in the CT-ICH DICOMs written by MATLAB. */
    @Test
    void axialSliceHasIOnRowsAndJOnColumns() throws IOException {
        Volume v = NiftiReader.read(new SyntheticNifti(4, 3, 2).write(dir.resolve("v.nii")));
        HuSlice s = v.axialSlice(1);
        assertEquals(3, s.width());
        assertEquals(4, s.height());
        assertEquals(v.get(2, 1, 1), s.get(1, 2));
        assertTrue(s.source().endsWith("v.nii#1"));
    }

    @Test
    void badHeadersNameTheFileAndProblem() throws IOException {
        assertProblem(n -> n.sizeofHdr = 540, "sizeof_hdr 540, expected 348");
        assertProblem(n -> n.datatype = 128, "unsupported NIfTI datatype 128");
        assertProblem(n -> n.dim[2] = 0, "bad NIfTI dim[2] 0");
        assertProblem(n -> n.dim[3] = -4, "bad NIfTI dim[3] -4");
        assertProblem(n -> n.magic = "ni1", "magic ni1");
        assertProblem(n -> n.magic = "xyz", "bad NIfTI-1 magic 'xyz'");
        assertProblem(n -> n.truncateBy = 3, "truncated NIfTI voxel data");
        assertProblem(n -> n.dim = new short[]{4, 2, 2, 2, 5, 1, 1, 1}, "dim[4] = 5");
        // refused from the header, before a gzip bomb could inflate to 2 GB
        assertProblem(n -> n.dim = new short[]{3, 8000, 8000, 16, 1, 1, 1, 1}, "8000x8000x16 voxels, above the 268435456-voxel limit");
        assertProblem(n -> n.dim = new short[]{3, 9000, 4, 4, 1, 1, 1, 1}, "9000x4 pixels, above the 8192x8192 limit");
    }

    @Test
    void truncatedGzipAndTinyFiles() throws IOException {
        Path gz = new SyntheticNifti(8, 8, 4).write(dir.resolve("v.nii.gz"));
        byte[] bytes = Files.readAllBytes(gz);
        Path cut = Files.write(dir.resolve("cut.nii.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(DataException.class, () -> NiftiReader.read(cut));
        Path tiny = Files.writeString(dir.resolve("tiny.nii"), "hello");
        DataException e = assertThrows(DataException.class, () -> NiftiReader.read(tiny));
        assertEquals(tiny + ": not a NIfTI-1 file (5 bytes, header needs 348)", e.getMessage());
    }

    private void assertProblem(java.util.function.Consumer<SyntheticNifti> breakIt, String expected) throws IOException {
        SyntheticNifti n = new SyntheticNifti(2, 2, 2);
        breakIt.accept(n);
        Path file = n.write(dir.resolve("bad.nii"));
        DataException e = assertThrows(DataException.class, () -> NiftiReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
