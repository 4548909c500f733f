package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.preprocess.ImageSizeLimit;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The data set of a Deflated Explicit VR Little Endian file (1.2.840.10008.1.2.1.99): everything after the file
 * meta group is raw deflate (RFC 1951, no zlib header). Inflating stops at the header limit plus the pixel bytes
 * that Rows, Columns and BitsAllocated claim (once the inflated bytes show them; until then, the largest slice
 * ichnet reads), so a deflate bomb costs no more memory than the slice it claims to be.
 */
final class DeflatedDataSet {
    private static final long LIMIT = DicomPixelHeader.HEADER_LIMIT + 4L * ImageSizeLimit.MAX_SIDE * ImageSizeLimit.MAX_SIDE;

    private DeflatedDataSet() {
    }

    static byte[] inflate(Path file, byte[] bytes, int start) {
        return inflate(file, bytes, start, false);
    }

    /**
     * The data set inflated only as far as its header: up to the Pixel Data element's header (all of it when it has
     * no Pixel Data), so every element before the pixels is whole, as in {@link #inflate}.
     */
    static byte[] inflateHeader(Path file, byte[] bytes, int start) {
        return inflate(file, bytes, start, true);
    }

    private static byte[] inflate(Path file, byte[] bytes, int start, boolean headerOnly) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, start, bytes.length - start);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(1 << 20, 4L * (bytes.length - start) + 64));
            byte[] buffer = new byte[64 * 1024];
            long limit = LIMIT;
            boolean sized = false;
            long nextLook = 0; // looking for the pixels each time the output doubles keeps the walks linear in it
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataException(file, "truncated deflated data set (" + out.size() + " bytes inflated)");
                }
                out.write(buffer, 0, n);
                if (headerOnly && out.size() >= nextLook) {
                    if (reachesPixelData(out.toByteArray())) break;
                    nextLook = 2L * out.size();
                }
                if (!sized && out.size() >= buffer.length) {
                    sized = true;
                    limit = Math.min(limit, claimedSize(out.toByteArray()));
                }
                if (out.size() > limit) {
                    throw new DataException(file, "deflated data set inflates to more than the " + limit
                            + " bytes its header allows (corrupt?)");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DataException(file, "corrupt deflated data set (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private static boolean reachesPixelData(byte[] inflated) {
        return DicomPixelHeader.read(inflated, inflated.length, 0, true).pixelData() != null;
    }

    /** The header limit plus the pixel bytes the first inflated bytes claim, or the general limit if they do not tell. */
    private static long claimedSize(byte[] head) {
        DicomPixelHeader header = DicomPixelHeader.read(head, head.length, 0, true);
        Integer rows = header.unsignedShort(DicomPixelHeader.ROWS), columns = header.unsignedShort(DicomPixelHeader.COLUMNS);
        Integer bits = header.unsignedShort(DicomPixelHeader.BITS_ALLOCATED);
        if (rows == null || columns == null || bits == null) return LIMIT;
        return DicomPixelHeader.HEADER_LIMIT + (long) rows * columns * Math.max(1, bits / 8);
    }
}
