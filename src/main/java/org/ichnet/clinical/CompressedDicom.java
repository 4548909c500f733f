package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.preprocess.ImageSizeLimit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads one DICOM slice whose pixels ImageJ cannot: JPEG, JPEG 2000 or RLE encapsulated pixel data, or a deflated
 * data set. The tags come from {@link DicomPixelHeader}'s walk (ImageJ reads none of a compressed file), the pixel
 * words from {@link DicomJpeg}, {@link DicomJpeg2000}, {@link DicomRle} or the inflated bytes, and the Hounsfield units from {@link PixelRescale}.
 * {@link #meta} checks and reads the header alone.
 */
final class CompressedDicom {
    private static final Set<String> GRAY = Set.of("MONOCHROME1", "MONOCHROME2");

    private CompressedDicom() {
    }

    static HuSlice read(Path file, TransferSyntax.Encoding encoding) {
        Parsed parsed = Parsed.of(file, encoding, false);
        byte[] data = parsed.data();
        DicomPixelHeader header = parsed.header();
        PixelLayout layout = PixelLayout.of(file, header, encoding);
        int rows = layout.rows(), columns = layout.columns(), bitsAllocated = layout.bitsAllocated();
        DicomPixelHeader.PixelData pixelData = layout.pixelData();
        int pixels = rows * columns;
        int[] words = switch (encoding) {
            case DEFLATED -> littleEndianWords(file, data, pixelData, pixels, bitsAllocated);
            case RLE -> DicomRle.decode(file, EncapsulatedPixelData.singleFrame(file, data, data.length, pixelData.valueAt()),
                    pixels, bitsAllocated / 8);
            case JPEG -> DicomJpeg.decode(file, EncapsulatedPixelData.singleFrame(file, data, data.length, pixelData.valueAt()),
                    columns, rows);
            case JPEG_2000 -> {
                Integer representation = header.unsignedShort(DicomPixelHeader.PIXEL_REPRESENTATION);
                yield DicomJpeg2000.decode(file, EncapsulatedPixelData.singleFrame(file, data, data.length, pixelData.valueAt()),
                        columns, rows, bitsAllocated, header.unsignedShort(DicomPixelHeader.BITS_STORED),
                        representation != null && representation == 1);
            }
            case NATIVE -> throw new IllegalArgumentException("uncompressed files are read by ImageJDicom");
        };
        DicomTagValues tags = new DicomTagValues(header::text);
        PixelRescale rescale = PixelRescale.of(file, bitsAllocated, header.unsignedShort(DicomPixelHeader.BITS_STORED),
                header.unsignedShort(DicomPixelHeader.PIXEL_REPRESENTATION),
                tags.number(DicomPixelHeader.SLOPE, 1), tags.number(DicomPixelHeader.INTERCEPT, 0));
        return new HuSlice(columns, rows, rescale.toHounsfield(words), file.toString(), tags.sliceMeta());
    }

    /**
     * The {@link HuSlice#meta()} that {@link #read} gives, with the same checks of the header and none of the pixels:
     * nothing is decoded, and a deflated data set is inflated only up to its pixels.
     */
    static SliceMeta meta(Path file, TransferSyntax.Encoding encoding) {
        DicomPixelHeader header = Parsed.of(file, encoding, true).header();
        PixelLayout.of(file, header, encoding);
        return new DicomTagValues(header::text).sliceMeta();
    }

    /** The file's data set (inflated when deflated: whole, or only up to its pixels) and its checked header. */
    private record Parsed(byte[] data, DicomPixelHeader header) {

        static Parsed of(Path file, TransferSyntax.Encoding encoding, boolean headerOnly) {
            byte[] bytes = readBounded(file);
            int start = DicomPixelHeader.dataSetStart(bytes);
            boolean deflated = encoding == TransferSyntax.Encoding.DEFLATED;
            byte[] data = !deflated ? bytes
                    : headerOnly ? DeflatedDataSet.inflateHeader(file, bytes, start) : DeflatedDataSet.inflate(file, bytes, start);
            DicomPixelHeader header = DicomPixelHeader.read(data, data.length, deflated ? 0 : start, true);
            // a whole deflated data set is checked like an uncompressed file, against its inflated size; without its
            // inflated pixels its size says nothing about truncation, and read finds that
            header.check(file, data.length, !deflated || headerOnly);
            return new Parsed(data, header);
        }
    }

    /** The pixels a header describes, refused before decoding when ichnet cannot decode them. */
    private record PixelLayout(int rows, int columns, int bitsAllocated, DicomPixelHeader.PixelData pixelData) {

        static PixelLayout of(Path file, DicomPixelHeader header, TransferSyntax.Encoding encoding) {
            int rows = required(file, header, DicomPixelHeader.ROWS, "Rows");
            int columns = required(file, header, DicomPixelHeader.COLUMNS, "Columns");
            int bitsAllocated = required(file, header, DicomPixelHeader.BITS_ALLOCATED, "BitsAllocated");
            requireGray(file, header);
            DicomPixelHeader.PixelData pixelData = header.pixelData();
            if (pixelData == null) throw new DataException(file, "no pixel data (7FE0,0010) found");
            boolean encapsulated = pixelData.length() == DicomPixelHeader.UNDEFINED;
            if (encapsulated == (encoding == TransferSyntax.Encoding.DEFLATED)) {
                throw new DataException(file, (encapsulated ? "encapsulated" : "unencapsulated") + " pixel data does not match "
                        + TransferSyntax.describe(DicomFileMeta.transferSyntax(file)));
            }
            boolean jpeg = encoding == TransferSyntax.Encoding.JPEG, jpeg2000 = encoding == TransferSyntax.Encoding.JPEG_2000;
            if (bitsAllocated > 16 && (jpeg || jpeg2000)) {
                throw new DataException(file, (jpeg ? "JPEG" : "JPEG 2000") + " pixel data with BitsAllocated " + bitsAllocated);
            }
            return new PixelLayout(rows, columns, bitsAllocated, pixelData);
        }
    }

    /**
     * The whole file, refused when it is larger than twice its uncompressed pixels plus the header limit: no
     * compressed slice is, and reading it would cost that memory.
     */
    private static byte[] readBounded(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] head = in.readNBytes(DicomPixelHeader.HEADER_LIMIT);
            if (head.length == size) return head;
            DicomPixelHeader header = DicomPixelHeader.read(head, head.length, DicomPixelHeader.dataSetStart(head), true);
            Integer rows = header.unsignedShort(DicomPixelHeader.ROWS), columns = header.unsignedShort(DicomPixelHeader.COLUMNS);
            Integer bits = header.unsignedShort(DicomPixelHeader.BITS_ALLOCATED);
            long limit = DicomPixelHeader.HEADER_LIMIT + 2L * (rows == null || columns == null || bits == null
                    ? (long) ImageSizeLimit.MAX_SIDE * ImageSizeLimit.MAX_SIDE * 2
                    : (long) Math.min(rows, ImageSizeLimit.MAX_SIDE) * Math.min(columns, ImageSizeLimit.MAX_SIDE) * Math.min(bits, 32) / 8);
            if (size > limit) {
                throw new DataException(file, "compressed DICOM file of " + size + " bytes is larger than its pixels could"
                        + " need (corrupt?)");
            }
            byte[] all = new byte[(int) size];
            System.arraycopy(head, 0, all, 0, head.length);
            int read = head.length + in.readNBytes(all, head.length, all.length - head.length);
            if (read != size) throw new DataException(file, "cannot read DICOM file: it changed while being read");
            return all;
        } catch (IOException e) {
            throw new DataException(file, "cannot read DICOM file: " + e.getMessage(), e);
        }
    }

    private static int required(Path file, DicomPixelHeader header, int tag, String name) {
        Integer value = header.unsignedShort(tag);
        if (value == null) throw new DataException(file, "no " + name + " " + DicomTagValues.key(tag) + " in the header");
        return value;
    }

    private static void requireGray(Path file, DicomPixelHeader header) {
        Integer samples = header.unsignedShort(DicomPixelHeader.SAMPLES_PER_PIXEL);
        String photometric = header.text(DicomPixelHeader.PHOTOMETRIC);
        if ((samples != null && samples != 1) || (photometric != null && !photometric.isEmpty() && !GRAY.contains(photometric))) {
            throw new DataException(file, "colour DICOM image is not a CT slice (" + (photometric == null ? samples
                    + " samples per pixel" : photometric) + ")");
        }
    }

    private static int[] littleEndianWords(Path file, byte[] data, DicomPixelHeader.PixelData pixelData, int pixels,
                                           int bitsAllocated) {
        int bytesPerWord = bitsAllocated / 8;
        long needed = (long) pixels * bytesPerWord;
        if (pixelData.length() < needed || pixelData.valueAt() + needed > data.length) {
            throw new DataException(file, "truncated pixel data (" + Math.min(pixelData.length(), data.length - pixelData.valueAt())
                    + " of " + needed + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int[] words = new int[pixels];
        int at = pixelData.valueAt();
        for (int i = 0; i < pixels; i++) {
            words[i] = switch (bytesPerWord) {
                case 1 -> data[at + i] & 0xFF;
                case 2 -> Short.toUnsignedInt(b.getShort(at + 2 * i));
                default -> b.getInt(at + 4 * i);
            };
        }
        return words;
    }
}
