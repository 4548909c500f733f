package org.ichnet.api;

import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.data.DataException;
import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.ImageDecoder;
import org.ichnet.preprocess.ImageSizeLimit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Single slices that are not files: an image, a pixel array, a stream of a DICOM, PNG or JPG file. */
final class MemoryInputs {

    /** A 16-bit slice at the size limit and a generous header: any longer stream is not one slice. */
    static final int MAX_STREAM_BYTES = 2 * ImageSizeLimit.MAX_SIDE * ImageSizeLimit.MAX_SIDE + (1 << 20);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);
    private static final int DICM_OFFSET = 128;

    private MemoryInputs() {
    }

    static Scan image(BufferedImage image, String name) {
        Path file = Path.of(name);
        ImageSizeLimit.check(file, image.getWidth(), image.getHeight());
        try {
            return slice(name, ImageDecoder.toGray(image));
        } catch (IllegalArgumentException e) {
            throw new DataException(file, "unsupported image: " + e.getMessage());
        }
    }

    static Scan pixels(float[] pixels, int width, int height, String name) {
        Path file = Path.of(name);
        ImageSizeLimit.check(file, width, height);
        if (pixels.length != (long) width * height) {
            throw new DataException(file, width + "x" + height + " pixels need " + (long) width * height + " values, got " + pixels.length);
        }
        return slice(name, new GrayImage(width, height, pixels.clone()));
    }

    private static Scan slice(String name, GrayImage brain) {
        return new Scan(name, Path.of(name), List.of(new ScanSlice(name, brain, null)), List.of());
    }

    /** Reads the stream (not closing it) through a temporary file, so the file readers' checks apply; labels say {@code name}. */
    static Scan stream(InputStream in, String name) {
        Path file = Path.of(name);
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_STREAM_BYTES + 1);
        } catch (IOException e) {
            throw new DataException(file, "cannot read stream (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0) throw new DataException(file, "empty stream");
        if (bytes.length > MAX_STREAM_BYTES) throw new DataException(file, "stream longer than " + MAX_STREAM_BYTES + " bytes, more than one slice");
        Path tmp = null;
        try {
            tmp = Files.createTempFile("ichnet-", extension(file, bytes));
            Files.write(tmp, bytes);
            Scan read = ScanInputs.collect(List.of(tmp), true).get(0);
            ScanSlice slice = read.slices().get(0);
            return new Scan(name, file, List.of(new ScanSlice(name, slice.brain(), slice.bone())), List.of());
        } catch (DataException e) {
            throw new DataException(file, e.problem().replace(String.valueOf(tmp), name), e);
        } catch (IOException e) {
            throw new DataException(file, "cannot buffer stream (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
    }

    private static String extension(Path file, byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) return ".png";
        if (startsWith(bytes, 0, JPG)) return ".jpg";
        if (startsWith(bytes, DICM_OFFSET, DICM)) return ".dcm";
        throw new DataException(file, "not a DICOM, PNG or JPG stream");
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
