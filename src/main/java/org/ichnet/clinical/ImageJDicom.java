package org.ichnet.clinical;

import ij.ImagePlus;
import ij.Prefs;
import ij.io.FileInfo;
import ij.plugin.DICOM;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import ij.util.DicomTools;
import org.ichnet.data.DataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one uncompressed DICOM slice (implicit or explicit VR little endian) with ImageJ, headless: ImageJ gives
 * the pixel words and the tags, {@link PixelRescale} the Hounsfield units. ImageJ's own {@code Calibration} is not
 * used (it leaves the slope out when the intercept is zero, and knows no BitsStored). MONOCHROME1 only changes how
 * values are displayed (ImageJ sets an inverted LUT and leaves the values alone), so HU need no inversion.
 */
final class ImageJDicom {

    static {
        // Without this ImageJ converts slope != 1 images to float through IJ.run, which needs the
        // AWT menu bar and throws HeadlessException.
        Prefs.fixedDicomScaling = true;
        Prefs.openDicomsAsFloat = false;
    }

    private ImageJDicom() {
    }

    static HuSlice read(Path file) {
        DICOM image = new DICOM();
        image.open(file.toString()); // prints nothing on failure; reports it as a 0x0 image
        if (image.getWidth() == 0 || image.getHeight() == 0) {
            throw new DataException(file, "DICOM header could not be decoded (no image found)");
        }
        if (image.getStackSize() != 1) {
            throw new DataException(file, "multi-frame DICOM (" + image.getStackSize() + " frames) is not supported");
        }
        ImageProcessor ip = image.getProcessor();
        if (ip instanceof ColorProcessor) {
            throw new DataException(file, "colour DICOM image is not a CT slice");
        }
        requireAllPixelData(file, image);
        DicomTagValues tags = tags(image);
        FileInfo info = image.getOriginalFileInfo();
        int bitsAllocated = 8 * info.getBytesPerPixel();
        Integer bitsStored = whole(tags, DicomPixelHeader.BITS_STORED);
        PixelRescale rescale = PixelRescale.of(file, bitsAllocated, bitsStored, whole(tags, DicomPixelHeader.PIXEL_REPRESENTATION),
                tags.number(DicomPixelHeader.SLOPE, 1), tags.number(DicomPixelHeader.INTERCEPT, 0));
        float[] hu = rescale.toHounsfield(words(ip, info));
        return new HuSlice(image.getWidth(), image.getHeight(), hu, file.toString(), tags.sliceMeta());
    }

    /**
     * The {@link HuSlice#meta()} that {@link #read} gives, from ImageJ's parse of the header alone (the same parse,
     * which stops at the Pixel Data element): no pixel is read. A header in which ImageJ finds no image is refused
     * as read refuses it.
     */
    static SliceMeta meta(Path file) {
        String info = new DICOM().getInfo(file.toString()); // what open() keeps as the image's "Info" property
        ImagePlus header = new ImagePlus();
        if (info != null) header.setProperty("Info", info);
        DicomTagValues tags = tags(header);
        if (tags.number(DicomPixelHeader.ROWS, 0) <= 0 || tags.number(DicomPixelHeader.COLUMNS, 0) <= 0) {
            throw new DataException(file, "DICOM header could not be decoded (no image found)");
        }
        return tags.sliceMeta();
    }

    /** The tags of an image ImageJ opened, or of its header alone, read the way DicomTools reads them. */
    private static DicomTagValues tags(ImagePlus image) {
        return new DicomTagValues(tag -> DicomTools.getTag(image, DicomTagValues.key(tag)));
    }

    /** The stored bits of each pixel as ImageJ read them (it adds 32768 to signed 16-bit data; that is undone here). */
    private static int[] words(ImageProcessor ip, FileInfo info) {
        int n = ip.getPixelCount();
        int[] words = new int[n];
        if (ip instanceof ShortProcessor) {
            int offset = info.fileType == FileInfo.GRAY16_SIGNED ? 32768 : 0;
            for (int i = 0; i < n; i++) words[i] = (ip.get(i) - offset) & 0xFFFF;
        } else if (ip instanceof ByteProcessor) {
            for (int i = 0; i < n; i++) words[i] = ip.get(i);
        } else { // 32-bit integers, which ImageJ holds as floats
            for (int i = 0; i < n; i++) words[i] = (int) (long) ip.getf(i);
        }
        return words;
    }

    private static Integer whole(DicomTagValues tags, int tag) {
        double value = tags.number(tag, Double.NaN);
        return Double.isNaN(value) ? null : (int) value;
    }

    /** ImageJ fills a short file's missing pixels with zeros instead of failing. */
    private static void requireAllPixelData(Path file, ImagePlus image) {
        FileInfo info = image.getOriginalFileInfo();
        long needed = info.getOffset() + (long) image.getWidth() * image.getHeight() * info.getBytesPerPixel();
        try {
            long size = Files.size(file);
            if (size < needed) {
                throw new DataException(file, "truncated pixel data (" + size + " of " + needed + " bytes)");
            }
        } catch (IOException e) {
            throw new DataException(file, "cannot read DICOM file: " + e.getMessage(), e);
        }
    }
}
