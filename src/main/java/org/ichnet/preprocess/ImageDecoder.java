package org.ichnet.preprocess;

import org.ichnet.data.DataException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Decodes JPG/PNG files to gray [0,1]; a truncated or corrupt file is a {@link DataException}, never a partial image. */
public final class ImageDecoder {

    private ImageDecoder() {
    }

    public static GrayImage readGray(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "no such image file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageReaders.first(in);
            if (reader == null) {
                throw new DataException(file, "not a readable image (JPG or PNG expected)");
            }
            // libjpeg reports a truncated file only as a warning and returns a gray-filled image.
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try {
                reader.setInput(in, true, true);
                ImageSizeLimit.check(file, reader.getWidth(0), reader.getHeight(0));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new DataException(file, "corrupt image: " + warnings.get(0));
                }
                try {
                    return toGray(image);
                } catch (IllegalArgumentException e) {
                    throw new DataException(file, "unsupported image: " + e.getMessage());
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException de) throw de;
            throw new DataException(file, "corrupt or truncated image (" + oneLine(e) + ")", e);
        }
    }

    /**
     * Luma (ITU-R BT.601) of RGB, alpha ignored; gray images are taken as they are, scaled by their bit
     * depth (1 to 16 bits); paletted images are looked up in their palette.
     */
    public static GrayImage toGray(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        float[] out = new float[w * h];
        Raster raster = image.getRaster();
        if (image.getColorModel() instanceof IndexColorModel palette) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int i = row[x];
                    out[y * w + x] = (0.299f * palette.getRed(i) + 0.587f * palette.getGreen(i)
                            + 0.114f * palette.getBlue(i)) / 255f;
                }
            }
            return new GrayImage(w, h, out);
        }
        int bands = raster.getNumBands(), bits = raster.getSampleModel().getSampleSize(0);
        if (bits > 16) throw new IllegalArgumentException(bits + "-bit samples (8- or 16-bit gray or RGB expected)");
        float scale = (1 << bits) - 1;
        if (bands <= 2) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) out[y * w + x] = row[x] / scale;
            }
        } else {
            int[] r = new int[w], g = new int[w], b = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, r);
                raster.getSamples(0, y, w, 1, 1, g);
                raster.getSamples(0, y, w, 1, 2, b);
                for (int x = 0; x < w; x++) out[y * w + x] = (0.299f * r[x] + 0.587f * g[x] + 0.114f * b[x]) / scale;
            }
        }
        return new GrayImage(w, h, out);
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
