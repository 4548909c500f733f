package org.ichnet.preprocess;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.util.Iterator;

/**
 * Picks the ImageIO reader for an image file, the same with or without jai-imageio on the class path.
 *
 * <p>jai-imageio is there for DICOM JPEG 2000 ({@code clinical.DicomJpeg2000}), and registers ImageIO plugins of its
 * own: TIFF, BMP, WBMP, PCX, PNM, raw and JPEG 2000 readers. None of them claims a PNG or JPEG file, but the TIFF,
 * BMP and WBMP ones duplicate the JDK's, and IIORegistry sets no order between two providers of one format, so which
 * of the two read such a file could change from run to run. Its readers are skipped here: each file goes to the
 * reader it had before jai-imageio came in, and a PCX or PNM file stays "not a readable image".
 */
final class ImageReaders {
    private static final String JAI_IMAGEIO = "com.github.jaiimageio.";

    private ImageReaders() {
    }

    /** The first reader that claims the stream and is not one of jai-imageio's; null when there is none. */
    static ImageReader first(ImageInputStream in) {
        if (in == null) return null;
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!isJaiImageio(reader)) return reader;
            reader.dispose();
        }
        return null;
    }

    static boolean isJaiImageio(ImageReader reader) {
        return reader.getClass().getName().startsWith(JAI_IMAGEIO);
    }
}
