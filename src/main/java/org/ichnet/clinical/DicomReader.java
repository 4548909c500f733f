package org.ichnet.clinical;

import ij.ImagePlus;
import ij.Prefs;
import ij.io.FileInfo;
import ij.measure.Calibration;
import ij.plugin.DICOM;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.util.DicomTools;
import org.ichnet.data.DataException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one uncompressed DICOM slice (implicit or explicit VR little endian) into Hounsfield units
 * with ImageJ, headless.
 *
 * <p>HU come from ImageJ's {@link Calibration}, which maps stored pixels to signed values and, when
 * the intercept is non-zero, applies RescaleSlope/Intercept; the raw shorts are never HU.
 * MONOCHROME1 only changes how values are displayed (ImageJ sets an inverted LUT and leaves the
 * values alone), so HU need no inversion: air stays at about -1000 either way.
 */
public final class DicomReader {

    static {
        // Without this ImageJ converts slope != 1 images to float through IJ.run, which needs the
        // AWT menu bar and throws HeadlessException; with it the rescale goes into the Calibration.
        Prefs.fixedDicomScaling = true;
        Prefs.openDicomsAsFloat = false;
    }

    private DicomReader() {
    }

    public static HuSlice read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "no such DICOM file");
        }
        String syntax = DicomFileMeta.transferSyntax(file);
        if (!TransferSyntax.isSupported(syntax)) {
            throw new DataException(file, TransferSyntax.describe(syntax) + " is not supported");
        }
        DicomPixelHeader.check(file, !TransferSyntax.IMPLICIT_LE.equals(syntax));
        try {
            return decode(file);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // ImageJ trusts element lengths: a corrupt one ends in e.g. NegativeArraySizeException, naming no file
            throw new DataException(file, "DICOM header could not be decoded (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")", e);
        }
    }

    private static HuSlice decode(Path file) {
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
        float[] hu = toHounsfield(file, image, ip);
        return new HuSlice(image.getWidth(), image.getHeight(), hu, file.toString(), meta(image));
    }

    private static float[] toHounsfield(Path file, ImagePlus image, ImageProcessor ip) {
        double slope = number(image, "0028,1053", 1.0);
        double intercept = number(image, "0028,1052", 0.0);
        if (slope == 0) slope = 1; // a zero slope is a writer's bug, not a request for a black image
        // ImageJ 1.54p folds the rescale into the Calibration only when the intercept is non-zero.
        boolean imagejRescaled = intercept != 0;
        Calibration calibration = image.getCalibration();
        if (imagejRescaled && calibration.getCValue(1) - calibration.getCValue(0) != slope) {
            throw new DataException(file, "ImageJ did not apply RescaleSlope " + slope + " (unexpected ImageJ version?)");
        }
        int w = ip.getWidth(), h = ip.getHeight();
        float[] hu = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float value = ip.getPixelValue(x, y);
                hu[y * w + x] = imagejRescaled ? value : (float) (slope * value + intercept);
            }
        }
        return hu;
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

    private static SliceMeta meta(ImagePlus image) {
        return new SliceMeta(
                text(image, "0020,000E"),
                numbers(image, "0020,0032", 3),
                numbers(image, "0020,0037", 6),
                (int) number(image, "0020,0013", -1),
                number(image, "0020,1041", Double.NaN));
    }

    private static String text(ImagePlus image, String tag) {
        String value = DicomTools.getTag(image, tag);
        if (value == null) return null;
        value = value.trim();
        return value.isEmpty() ? null : value;
    }

    /** The first value of a numeric tag, or the fallback when absent, empty or not a number. */
    private static double number(ImagePlus image, String tag, double fallback) {
        String value = text(image, tag);
        if (value == null) return fallback;
        try {
            return Double.parseDouble(value.split("\\\\")[0].trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double[] numbers(ImagePlus image, String tag, int count) {
        String value = text(image, tag);
        if (value == null) return null;
        String[] parts = value.split("\\\\");
        if (parts.length != count) return null;
        double[] out = new double[count];
        try {
            for (int i = 0; i < count; i++) out[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }
}
