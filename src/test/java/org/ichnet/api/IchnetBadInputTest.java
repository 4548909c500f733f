package org.ichnet.api;

import org.ichnet.clinical.ScanInputs;
import org.ichnet.clinical.SyntheticNifti;
import org.ichnet.data.DataException;
import org.ichnet.predict.UntrainedEnsemble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind of bad input is an {@link IchnetException} with the command line's one-line message, and never another exception. */
class IchnetBadInputTest {
    @TempDir
    static Path tmp;
    static Ichnet model;

    @BeforeAll
    static void load() throws IchnetException {
        model = Ichnet.load(ApiFixtures.brainModel(tmp));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The file's problem as {@code ichnet predict --strict} reports it. */
    static String cliMessage(Path file) {
        return assertThrows(DataException.class, () -> ScanInputs.collect(List.of(file), true)).getMessage();
    }

    static void assertRefused(Path file) {
        IchnetException e = assertThrows(IchnetException.class, () -> model.predict(file), file.toString());
        assertEquals(file, e.file());
        assertEquals(cliMessage(file), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(file + ": " + e.problem(), e.getMessage());
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    /** A PNG whose header claims {@code side x side} pixels. */
    static byte[] pngClaiming(int side) throws IOException {
        byte[] png = png(1, 1);
        for (int offset : new int[]{16, 20}) {
            png[offset] = (byte) (side >>> 24);
            png[offset + 1] = (byte) (side >>> 16);
            png[offset + 2] = (byte) (side >>> 8);
            png[offset + 3] = (byte) side;
        }
        return png;
    }

    @Test
    void badFilesAreRefusedWithTheCliMessage() throws IOException {
        byte[] png = png(64, 64);
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        SyntheticNifti badHeader = new SyntheticNifti(8, 8, 2);
        badHeader.magic = "xx1";
        List<Path> bad = List.of(
                Files.write(tmp.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2)),
                Files.write(tmp.resolve("huge.png"), pngClaiming(100_000)),
                Files.write(tmp.resolve("garbage.dcm"), garbage),
                badHeader.write(tmp.resolve("bad-header.nii")),
                Files.write(tmp.resolve("empty.png"), new byte[0]),
                Files.write(tmp.resolve("empty.dcm"), new byte[0]),
                Files.write(tmp.resolve("empty.nii.gz"), new byte[0]),
                Files.writeString(tmp.resolve("notes.txt"), "not an image"),
                tmp.resolve("missing.jpg"),
                Files.createDirectories(tmp.resolve("empty-folder")));
        for (Path file : bad) assertRefused(file);
    }

    @Test
    void whenNoInputCanBeReadEveryProblemIsListed() {
        Path missing = tmp.resolve("a.png"), alsoMissing = tmp.resolve("b.dcm");
        IchnetException e = assertThrows(IchnetException.class, () -> model.predict(List.of(missing, alsoMissing)));
        assertEquals(List.of(missing, alsoMissing), e.problems().stream().map(Problem::file).toList());
    }

    @Test
    void badStreamsNameTheStream() throws IOException {
        byte[] png = png(64, 64);
        byte[] fakeDicom = new byte[1024];
        System.arraycopy("DICM".getBytes(), 0, fakeDicom, 128, 4);
        List<byte[]> streams = List.of(new byte[0], "hello".getBytes(), Arrays.copyOf(png, png.length / 2), pngClaiming(100_000), fakeDicom);
        for (byte[] bytes : streams) {
            IchnetException e = assertThrows(IchnetException.class, () -> model.predict(new ByteArrayInputStream(bytes), "upload"));
            assertEquals(Path.of("upload"), e.file());
            assertTrue(e.getMessage().startsWith("upload: ") && !e.getMessage().contains("ichnet-"), e.getMessage());
        }
    }

    @Test
    void badInMemoryImagesAreRefused() {
        IchnetException e = assertThrows(IchnetException.class, () -> model.predict(new float[10], 4, 4));
        assertEquals("pixels: 4x4 pixels need 16 values, got 10", e.getMessage());
        assertThrows(IchnetException.class, () -> model.predict(new float[0], 0, 0));
        assertThrows(IchnetException.class, () -> model.predict(new BufferedImage(9000, 1, BufferedImage.TYPE_BYTE_GRAY)));
    }

    @Test
    void badModelFoldersAreRefused() throws IOException {
        Path none = tmp.resolve("no-model");
        assertEquals(none, assertThrows(IchnetException.class, () -> Ichnet.load(none)).file());
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("ensemble.json"), "{ not json");
        assertTrue(assertThrows(IchnetException.class, () -> Ichnet.load(broken)).getMessage().contains("unreadable ensemble manifest"));
    }

    @Test
    void aBrainPlusBoneModelRefusesASliceWithoutBone() throws IchnetException {
        Path folder = UntrainedEnsemble.write(tmp.resolve("bone-model"), 32, 2, new double[]{1, 1, 1});
        try (Ichnet boneModel = Ichnet.load(folder)) {
            IchnetException e = assertThrows(IchnetException.class, () -> boneModel.predict(ApiFixtures.JPG));
            assertTrue(e.problem().startsWith("the model takes brain+bone windows"), e.getMessage());
            assertEquals(1, boneModel.predict(ApiFixtures.DICOM).slices().size(), "DICOM carries both windows");
        }
    }
}
