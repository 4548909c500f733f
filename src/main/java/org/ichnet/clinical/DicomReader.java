package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;

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
        return read(file, ImageJDicom::read, CompressedDicom::read);
    }

    /**
     * Where the slice lies in its series, as {@link #read} gives it in {@link HuSlice#meta()}, from the header alone:
     * the tags come from the parser read takes them from (ImageJ's for an uncompressed file, {@link DicomPixelHeader}'s
     * walk for the others), and the header is refused as read refuses it (not DICOM, an unsupported transfer syntax,
     * several frames, sizes or bit depths ichnet does not decode, an uncompressed file shorter than its pixels), but
     * no pixel is decoded. Compressed pixels that do not decode pass: {@link #read} finds them out.
     */
    public static SliceMeta readMeta(Path file) {
        return read(file, ImageJDicom::meta, CompressedDicom::meta);
    }

    private static <T> T read(Path file, Function<Path, T> uncompressed, BiFunction<Path, TransferSyntax.Encoding, T> compressed) {
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
                return uncompressed.apply(file);
            }
            return compressed.apply(file, encoding);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // ImageJ trusts element lengths: a corrupt one ends in e.g. NegativeArraySizeException, naming no file
            throw new DataException(file, "DICOM header could not be decoded (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")) + ")", e);
        }
    }
}
