package org.ichnet.preprocess;

import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageDecoderTest {

    @TempDir
    Path dir;

    @Test
    void palettedPngIsReadThroughItsPaletteNotAsIndices() throws Exception {
        // index 0 is white and index 1 black: read as indices the picture would come out inverted
        byte[] levels = {(byte) 255, 0};
        IndexColorModel palette = new IndexColorModel(1, 2, levels, levels, levels);
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY, palette);
        image.getRaster().setSample(3, 2, 0, 1);
        Path png = dir.resolve("paletted.png");
        ImageIO.write(image, "png", png.toFile());
        GrayImage gray = ImageDecoder.readGray(png);
        assertEquals(1f, gray.pixels()[0], 1e-6f);
        assertEquals(0f, gray.pixels()[2 * 8 + 3], 1e-6f);
    }

    @Test
    void grayImagesAreScaledByTheirBitDepth() throws Exception {
        BufferedImage sixteen = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
        sixteen.getRaster().setSample(1, 1, 0, 65535);
        sixteen.getRaster().setSample(2, 1, 0, 32768);
        Path png = dir.resolve("sixteen.png");
        ImageIO.write(sixteen, "png", png.toFile());
        GrayImage gray = ImageDecoder.readGray(png);
        assertEquals(1f, gray.pixels()[9], 1e-6f);
        assertEquals(0.5f, gray.pixels()[10], 1e-4f);
        assertEquals(0f, gray.pixels()[0], 1e-6f);
    }

    @Test
    void thirtyTwoBitSamplesAreRefusedAsUnsupportedNotCorrupt() throws Exception {
        java.awt.image.ComponentColorModel model = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), new int[]{32}, false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_INT);
        BufferedImage deep = new BufferedImage(model, model.createCompatibleWritableRaster(8, 8), false, null);
        Path tiff = dir.resolve("deep.tif");
        assertTrue(javax.imageio.ImageIO.write(deep, "tiff", tiff.toFile()), "no TIFF writer for the test image");
        DataException e = assertThrows(DataException.class, () -> ImageDecoder.readGray(tiff));
        assertTrue(e.getMessage().contains("deep.tif") && e.getMessage().contains("unsupported image: 32-bit"), e.getMessage());
    }

    @Test
    void notAnImageIsADataExceptionNamingTheFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a png");
        DataException e = assertThrows(DataException.class, () -> ImageDecoder.readGray(text));
        assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
    }

    @Test
    void aPngWhoseHeaderClaimsAHugeImageIsRefusedBeforeDecoding() throws Exception {
        Path png = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        // IHDR: length (8..11), "IHDR" (12..15), width (16..19), height (20..23), ..., CRC of 12..28 at 29..32
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        b.putInt(16, 30000).putInt(20, 30000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Files.write(png, bytes);
        DataException e = assertThrows(DataException.class, () -> ImageDecoder.readGray(png));
        assertEquals(png, e.file());
        assertTrue(e.getMessage().contains("30000x30000") && e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void aJpgWhoseHeaderClaimsAHugeImageIsRefusedBeforeDecoding() throws Exception {
        Path jpg = dir.resolve("huge.jpg");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "jpg", jpg.toFile());
        byte[] bytes = Files.readAllBytes(jpg);
        int sof = -1;
        for (int i = 2; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xC0) {
                sof = i;
                break;
            }
        }
        assertTrue(sof > 0, "baseline JPEG has a SOF0 marker");
        // SOF0: marker (2), length (2), precision (1), height (2), width (2)
        java.nio.ByteBuffer.wrap(bytes).putShort(sof + 5, (short) 60000).putShort(sof + 7, (short) 60000);
        Files.write(jpg, bytes);
        DataException e = assertThrows(DataException.class, () -> ImageDecoder.readGray(jpg));
        assertEquals(jpg, e.file());
        assertTrue(e.getMessage().contains("60000x60000") && e.getMessage().contains("limit"), e.getMessage());
    }

    /**
     * jai-imageio (for DICOM JPEG 2000) registers ImageIO readers of its own; none of them claims a PNG or JPG, so
     * those are read by the readers they had before: the JDK's PNG reader, TwelveMonkeys' JPEG reader.
     */
    @Test
    void pngAndJpgKeepTheirReadersWithJaiImageioOnTheClassPath() throws Exception {
        Path png = dir.resolve("gray.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        Path jpg = Path.of("sample/ct-ich-sample/Patients_CT/085/bone/6.jpg");
        assertEquals(List.of("com.sun.imageio.plugins.png.PNGImageReader"), readerClasses(png));
        assertEquals(List.of("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader", "com.sun.imageio.plugins.jpeg.JPEGImageReader"),
                readerClasses(jpg));
        assertEquals("com.sun.imageio.plugins.png.PNGImageReader", firstReaderClass(png));
        assertEquals("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader", firstReaderClass(jpg));
        assertEquals(8, ImageDecoder.readGray(png).width());
        assertEquals(650, ImageDecoder.readGray(jpg).width());
    }

    /**
     * Where jai-imageio duplicates a JDK reader (TIFF here), ImageIO may list its reader first (it does, measured);
     * the decoder skips it. A format only jai-imageio reads (PNM) stays unreadable, as it was.
     */
    @Test
    void jaiImageioReadersAreSkipped() throws Exception {
        Path tiff = dir.resolve("gray.tif");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "tiff", tiff.toFile());
        assertTrue(readerClasses(tiff).contains("com.github.jaiimageio.impl.plugins.tiff.TIFFImageReader"), readerClasses(tiff).toString());
        assertEquals("com.sun.imageio.plugins.tiff.TIFFImageReader", firstReaderClass(tiff));
        Path pnm = Files.write(dir.resolve("gray.png"), "P5\n2 2\n255\n\0\1\2\3".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(readerClasses(pnm).stream().allMatch(c -> c.startsWith("com.github.jaiimageio.")), readerClasses(pnm).toString());
        DataException e = assertThrows(DataException.class, () -> ImageDecoder.readGray(pnm));
        assertEquals(pnm + ": not a readable image (JPG or PNG expected)", e.getMessage());
        DataProblem quick = ImageVerifier.check(pnm, ImageVerifier.Mode.QUICK);
        assertNotNull(quick, "the quick check refuses it too");
        assertEquals("not a readable image (JPG or PNG expected)", quick.problem());
    }

    private static List<String> readerClasses(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            List<String> names = new ArrayList<>();
            ImageIO.getImageReaders(in).forEachRemaining(r -> names.add(r.getClass().getName()));
            return names;
        }
    }

    private static String firstReaderClass(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageReaders.first(in);
            return reader == null ? null : reader.getClass().getName();
        }
    }
}
