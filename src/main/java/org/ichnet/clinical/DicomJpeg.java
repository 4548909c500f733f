package org.ichnet.clinical;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import org.ichnet.data.DataException;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one encapsulated JPEG frame (ISO 10918-1) with TwelveMonkeys' JPEG reader: lossless (process 14, any
 * precision up to 16 bits) and 8-bit baseline, extended and progressive. The samples come back unsigned, as the
 * codestream holds them; {@link PixelRescale} then reads them per BitsStored and PixelRepresentation.
 *
 * <p>The frame header (SOF) is read first, so that a fragment that is no JPEG, a colour image, 12-bit lossy data
 * (which the JDK's codec underneath does not decode) or a size other than Rows x Columns is refused before any
 * pixel is allocated.
 */
final class DicomJpeg {
    private static final int SOF_LOSSLESS = 0xC3;

    private record FrameHeader(int marker, int precision, int height, int width, int components) {
    }

    private DicomJpeg() {
    }

    /** The {@code columns * rows} samples of a one-component JPEG, row by row. */
    static int[] decode(Path file, byte[] jpeg, int columns, int rows) {
        FrameHeader frame = frameHeader(file, jpeg);
        if (frame.components != 1) {
            throw new DataException(file, "colour DICOM image is not a CT slice (JPEG with " + frame.components + " components)");
        }
        if (frame.width != columns || frame.height != rows) {
            throw new DataException(file, "the JPEG frame is " + frame.width + "x" + frame.height + " pixels, the header says "
                    + columns + "x" + rows);
        }
        if (frame.marker != SOF_LOSSLESS && frame.precision != 8) {
            throw new DataException(file, "lossy JPEG with " + frame.precision + "-bit samples is not supported (8-bit only;"
                    + " JPEG Lossless takes any depth)");
        }
        List<String> warnings = new ArrayList<>();
        ImageReader reader;
        try {
            reader = Holder.PROVIDER.createReaderInstance();
        } catch (IOException e) {
            throw new DataException(file, "no JPEG decoder (" + e.getMessage() + ")", e);
        }
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        byte[] codestream = frame.marker == SOF_LOSSLESS ? stuffFinalFf(jpeg) : jpeg;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(codestream))) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            if (!warnings.isEmpty()) throw new DataException(file, "corrupt JPEG fragment (" + warnings.get(0) + ")");
            if (raster.getWidth() != columns || raster.getHeight() != rows || raster.getNumBands() != 1) {
                throw new DataException(file, "the JPEG decoded to " + raster.getWidth() + "x" + raster.getHeight() + " pixels of "
                        + raster.getNumBands() + " bands, the header says " + columns + "x" + rows + " gray");
            }
            return raster.getSamples(raster.getMinX(), raster.getMinY(), columns, rows, 0, (int[]) null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException de) throw de;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new DataException(file, "corrupt JPEG fragment (" + message + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** The start-of-frame segment, found by walking the marker segments that precede it. */
    private static FrameHeader frameHeader(Path file, byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new DataException(file, "the pixel data fragment is not a JPEG (no start-of-image marker)");
        }
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) break;
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                at++;
                continue;
            }
            int length = (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
            if (isStartOfFrame(marker)) {
                if (at + 10 > b.length || length < 8) break;
                if (marker > SOF_LOSSLESS) {
                    throw new DataException(file, String.format("JPEG process with marker FF%02X (hierarchical or arithmetic"
                            + " coding) is not supported", marker));
                }
                return new FrameHeader(marker, b[at + 4] & 0xFF, (b[at + 5] & 0xFF) << 8 | (b[at + 6] & 0xFF),
                        (b[at + 7] & 0xFF) << 8 | (b[at + 8] & 0xFF), b[at + 9] & 0xFF);
            }
            if (marker == 0xDA || marker == 0xD9) break; // scan or end of image before any frame header
            at += 2 + length;
        }
        throw new DataException(file, "corrupt JPEG fragment (no frame header)");
    }

    /**
     * The codestream with each 0xFF right before its end-of-image marker stuffed (0xFF 0x00). Such a byte is a fill
     * byte or a last byte of 1-padding left unstuffed (dcmtk 3.6.7's lossless encoder writes some); either way it
     * carries only 1-bits, so stuffing changes nothing for a correct decoder. TwelveMonkeys 3.14.0's lossless decoder
     * needs it: otherwise it silently returns 0 for the last sample (measured on 1 of 21 CT-ICH slices encoded by
     * dcmcjpeg, against dcmdjpeg's decoding).
     */
    static byte[] stuffFinalFf(byte[] jpeg) {
        int end = jpeg.length;
        while (end > 0 && jpeg[end - 1] == 0) end--; // fragments are padded to an even length
        if (end < 4 || (jpeg[end - 2] & 0xFF) != 0xFF || (jpeg[end - 1] & 0xFF) != 0xD9) return jpeg;
        int eoi = end - 2, run = eoi;
        while (run > 2 && (jpeg[run - 1] & 0xFF) == 0xFF) run--;
        int fills = eoi - run;
        if (fills == 0) return jpeg;
        byte[] out = new byte[jpeg.length + fills];
        System.arraycopy(jpeg, 0, out, 0, run);
        for (int i = 0; i < fills; i++) {
            out[run + 2 * i] = (byte) 0xFF;
            out[run + 2 * i + 1] = 0;
        }
        System.arraycopy(jpeg, eoi, out, run + 2 * fills, jpeg.length - eoi);
        return out;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** TwelveMonkeys' provider, registered by ImageIO's class path scan (or here, where a class loader hid it). */
    private static final class Holder {
        static final ImageReaderSpi PROVIDER = provider();

        private static ImageReaderSpi provider() {
            IIORegistry registry = IIORegistry.getDefaultInstance();
            JPEGImageReaderSpi spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
            if (spi == null) {
                spi = new JPEGImageReaderSpi();
                registry.registerServiceProvider(spi, ImageReaderSpi.class); // finds the JDK reader it delegates to
            }
            return spi;
        }
    }
}
