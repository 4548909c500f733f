package org.ichnet.clinical;

import org.ichnet.data.DataException;
import org.ichnet.preprocess.ImageSizeLimit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pixel description and the few other tags ichnet uses, read by walking the data set's elements.
 *
 * <p>For an uncompressed file this runs before ImageJ sees it: ImageJ trusts Rows, Columns, BitsAllocated and
 * NumberOfFrames, and absurd values make it allocate gigabytes, or fail with a NullPointerException that names no
 * file and a stack trace on stdout; a tag this walk does not find is left to ImageJ. For a compressed file ImageJ
 * reads no tag at all, so this walk is its only header reader, and it also finds the Pixel Data element.
 */
final class DicomPixelHeader {
    static final int DATA_SET_START = 132; // preamble and "DICM"
    static final int HEADER_LIMIT = 8 * 1024 * 1024;
    static final long UNDEFINED = 0xFFFFFFFFL;

    static final int SERIES_UID = 0x0020_000E;
    static final int INSTANCE_NUMBER = 0x0020_0013;
    static final int POSITION = 0x0020_0032;
    static final int ORIENTATION = 0x0020_0037;
    static final int SLICE_LOCATION = 0x0020_1041;
    static final int SAMPLES_PER_PIXEL = 0x0028_0002;
    static final int PHOTOMETRIC = 0x0028_0004;
    static final int FRAMES = 0x0028_0008;
    static final int ROWS = 0x0028_0010;
    static final int COLUMNS = 0x0028_0011;
    static final int BITS_ALLOCATED = 0x0028_0100;
    static final int BITS_STORED = 0x0028_0101;
    static final int PIXEL_REPRESENTATION = 0x0028_0103;
    static final int INTERCEPT = 0x0028_1052;
    static final int SLOPE = 0x0028_1053;
    private static final int PIXEL_DATA = 0x7FE0_0010;

    private static final Set<Integer> TEXT_TAGS = Set.of(SERIES_UID, INSTANCE_NUMBER, POSITION, ORIENTATION,
            SLICE_LOCATION, PHOTOMETRIC, FRAMES, INTERCEPT, SLOPE);
    private static final Set<Integer> US_TAGS = Set.of(SAMPLES_PER_PIXEL, ROWS, COLUMNS, BITS_ALLOCATED, BITS_STORED,
            PIXEL_REPRESENTATION);
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT",
            "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN",
            "UR", "US", "UT", "UV");
    private static final Set<Integer> BITS_ALLOCATED_SUPPORTED = Set.of(8, 16, 32);

    /** One element's header: where its value starts and how long it is ({@link #UNDEFINED} for a delimited one). */
    private record Element(int group, int element, String vr, long length, int valueAt) {
        int tag() {
            return group << 16 | element;
        }
    }

    /** Where the Pixel Data value starts; {@code length} is {@link #UNDEFINED} for encapsulated (compressed) data. */
    record PixelData(int valueAt, long length) {
    }

    private final ByteBuffer bytes;
    private final int end;
    private final Map<Integer, Integer> shorts = new HashMap<>();
    private final Map<Integer, String> texts = new HashMap<>();
    private PixelData pixelData;

    private DicomPixelHeader(byte[] data, int length) {
        this.bytes = ByteBuffer.wrap(data, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        this.end = length;
    }

    /**
     * Checks an uncompressed file's pixel description before ImageJ reads it. {@code explicitVr}: the data set's
     * transfer syntax (the file meta group is always explicit).
     */
    static void check(Path file, boolean explicitVr) {
        byte[] head;
        long fileSize;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_LIMIT);
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new DataException(file, "cannot read DICOM file: " + e.getMessage(), e);
        }
        DicomPixelHeader header = new DicomPixelHeader(head, head.length);
        header.walk(DATA_SET_START, explicitVr, 0x0028);
        header.check(file, fileSize, false);
    }

    /** The offset of the first data set element after the file meta group of a part-10 file. */
    static int dataSetStart(byte[] file) {
        return new DicomPixelHeader(file, file.length).walk(DATA_SET_START, true, 0x0002);
    }

    /** Walks a whole data set that starts at {@code start} up to its Pixel Data element. */
    static DicomPixelHeader read(byte[] data, int length, int start, boolean explicitVr) {
        DicomPixelHeader header = new DicomPixelHeader(data, length);
        header.walk(start, explicitVr, 0x7FE0);
        return header;
    }

    /**
     * Refuses sizes, bit depths and frame counts ichnet does not decode. {@code compressed}: the file holds fewer
     * bytes than its pixels take, so its size says nothing about truncation.
     */
    void check(Path file, long fileSize, boolean compressed) {
        Integer rows = shorts.get(ROWS), columns = shorts.get(COLUMNS), bits = shorts.get(BITS_ALLOCATED);
        String frames = texts.get(FRAMES);
        if (rows != null && columns != null) ImageSizeLimit.check(file, columns, rows);
        if (bits != null && !BITS_ALLOCATED_SUPPORTED.contains(bits)) {
            throw new DataException(file, "BitsAllocated " + bits + " is not supported (8, 16 or 32)");
        }
        long frameCount = 1;
        if (frames != null && !frames.isEmpty()) {
            try {
                frameCount = Long.parseLong(frames);
            } catch (NumberFormatException e) {
                throw new DataException(file, "NumberOfFrames '" + frames + "' is not a number");
            }
            if (frameCount != 1) {
                throw new DataException(file, "multi-frame DICOM (" + frameCount + " frames) is not supported");
            }
        }
        if (!compressed && rows != null && columns != null && bits != null) {
            long claimed = (long) rows * columns * (bits / 8) * frameCount;
            if (claimed > fileSize) {
                throw new DataException(file, "truncated pixel data (the header claims " + claimed
                        + " bytes of pixels, the file has " + fileSize + ")");
            }
        }
    }

    /** An unsigned short (US) tag's value, or null when the walk did not find it. */
    Integer unsignedShort(int tag) {
        return shorts.get(tag);
    }

    /** A text tag's value (NULs removed, trimmed), or null when the walk did not find it. */
    String text(int tag) {
        return texts.get(tag);
    }

    /** The Pixel Data element, or null when the walk did not reach it. */
    PixelData pixelData() {
        return pixelData;
    }

    /** Walks top-level elements from {@code at} while their group is at most {@code lastGroup}; returns where it stopped. */
    private int walk(int at, boolean explicitVr, int lastGroup) {
        while (at + 8 <= end) {
            int group = u16(at);
            if (group > lastGroup) break; // elements come in tag order: what we want is behind us
            Element e = element(at, group == 0x0002 || explicitVr);
            if (e == null) break;
            if (e.tag() == PIXEL_DATA) {
                pixelData = new PixelData(e.valueAt, e.length);
                break;
            }
            if (e.length == UNDEFINED) {
                // an undefined-length UN holds an implicit VR sequence (PS3.5 6.2.2)
                at = skipSequence(e.valueAt, explicitVr && !"UN".equals(e.vr));
                if (at < 0) break;
                continue;
            }
            if (e.valueAt + e.length > end) break;
            collect(e);
            at = (int) (e.valueAt + e.length);
        }
        return at;
    }

    private void collect(Element e) {
        if (US_TAGS.contains(e.tag()) && e.length == 2) shorts.put(e.tag(), u16(e.valueAt));
        if (TEXT_TAGS.contains(e.tag())) {
            texts.put(e.tag(), new String(head(e.valueAt, (int) e.length), StandardCharsets.US_ASCII).replace("\0", "").trim());
        }
    }

    /** The element whose tag starts at {@code at}, or null when its header runs past the bytes read. */
    private Element element(int at, boolean explicit) {
        int group = u16(at), element = u16(at + 2);
        String vr = new String(head(at + 4, 2), StandardCharsets.US_ASCII);
        // like ImageJ, take an element that carries a VR as explicit even in an implicit-VR file
        if (group == 0xFFFE || !(explicit || VRS.contains(vr))) {
            return new Element(group, element, null, u32(at + 4), at + 8); // items and delimiters have no VR
        }
        if (LONG_VRS.contains(vr)) {
            return at + 12 <= end ? new Element(group, element, vr, u32(at + 8), at + 12) : null;
        }
        return new Element(group, element, vr, u16(at + 6), at + 8);
    }

    /** Past the delimiter of an undefined-length sequence whose items start at {@code at}; -1 when it is not found. */
    private int skipSequence(int at, boolean explicit) {
        while (at + 8 <= end) {
            Element item = element(at, explicit);
            if (item.group != 0xFFFE) return -1;
            if (item.element == 0xE0DD) return item.valueAt;
            if (item.element != 0xE000) return -1;
            at = item.length == UNDEFINED ? skipItem(item.valueAt, explicit) : (int) Math.min(end, item.valueAt + item.length);
            if (at < 0) return -1;
        }
        return -1;
    }

    /** Past the delimiter of an undefined-length item whose elements start at {@code at}; -1 when it is not found. */
    private int skipItem(int at, boolean explicit) {
        while (at + 8 <= end) {
            Element e = element(at, explicit);
            if (e == null) return -1;
            if (e.group == 0xFFFE && e.element == 0xE00D) return e.valueAt;
            at = e.length == UNDEFINED ? skipSequence(e.valueAt, explicit && !"UN".equals(e.vr))
                    : (int) Math.min(end, e.valueAt + e.length);
            if (at < 0) return -1;
        }
        return -1;
    }

    private byte[] head(int at, int length) {
        byte[] out = new byte[length];
        bytes.get(at, out);
        return out;
    }

    private int u16(int at) {
        return Short.toUnsignedInt(bytes.getShort(at));
    }

    private long u32(int at) {
        return Integer.toUnsignedLong(bytes.getInt(at));
    }
}
