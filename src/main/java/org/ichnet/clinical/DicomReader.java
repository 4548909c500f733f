package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one DICOM slice into Hounsfield units: uncompressed (implicit or explicit VR little endian) with ImageJ
 * ({@link ImageJDicom}); deflated, RLE Lossless, JPEG (baseline, extended 8-bit, lossless) and JPEG 2000 (lossless
 * and lossy) without it ({@link CompressedDicom}). Every syntax ends in {@link PixelRescale}, where BitsStored,
 * PixelRepresentation, the {@link RsnaPixelFix} and RescaleSlope/Intercept are applied. Other syntaxes (JPEG-LS, big
 * endian) are refused with their name.
 */
public final class DicomReader {

    private DicomReader() {
    }

    public static HuSlice read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file, "no such DICOM file");
        }
        String syntax = DicomFileMeta.transferSyntax(file);
        TransferSyntax.Encoding encoding = TransferSyntax.encoding(syntax);
        if (encoding == null) {
            throw new DataException(file, TransferSyntax.describe(syntax) + " is not supported");
        }
        try {
            if (encoding == TransferSyntax.Encoding.NATIVE) {
                DicomPixelHeader.check(file, !TransferSyntax.IMPLICIT_LE.equals(syntax));
                return ImageJDicom.read(file);
            }
            return CompressedDicom.read(file, encoding);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // ImageJ trusts element lengths: a corrupt one ends in e.g. NegativeArraySizeException, naming no file
            throw new DataException(file, "DICOM header could not be decoded (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")", e);
        }
    }
}
