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
import java.util.Set;

/**
 * Rows, Columns, BitsAllocated and NumberOfFrames, read from the data set before ImageJ sees the file. ImageJ
 * trusts them: absurd values make it allocate gigabytes, or fail with a NullPointerException that names no
 * file and a stack trace on stdout. A tag this walk does not find is left to ImageJ.
 */
final class DicomPixelHeader {
    private static final int DATA_SET_START = 132; // preamble and "DICM"
    private static final int HEADER_LIMIT = 8 * 1024 * 1024;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT",
            "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN",
            "UR", "US", "UT", "UV");
    private static final Set<Integer> BITS_ALLOCATED = Set.of(8, 16, 32);

    /** One element's header: where its value starts and how long it is ({@link #UNDEFINED} for a delimited one). */
    private record Element(int group, int element, long length, int valueAt) {
    }

    private final ByteBuffer bytes;
    private final int end;

    private DicomPixelHeader(byte[] head) {
        this.bytes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        this.end = head.length;
    }

    /** {@code explicitVr}: the data set's transfer syntax (the file meta group is always explicit). */
    static void check(Path file, boolean explicitVr) {
        byte[] head;
        long fileSize;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_LIMIT);
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new DataException(file, "cannot read DICOM file: " + e.getMessage(), e);
        }
        new DicomPixelHeader(head).check(file, explicitVr, fileSize);
    }

    private void check(Path file, boolean explicitVr, long fileSize) {
        Integer rows = null, columns = null, bits = null;
        String frames = null;
        int at = DATA_SET_START;
        while (at + 8 <= end) {
            int group = u16(at);
            if (group > 0x0028) break; // elements come in tag order: the pixel description is behind us
            Element e = element(at, group == 0x0002 || explicitVr);
            if (e == null) break;
            if (e.length == UNDEFINED) {
                at = skipSequence(e.valueAt, explicitVr);
                if (at < 0) break;
                continue;
            }
            if (e.valueAt + e.length > end) break;
            if (group == 0x0028 && e.length == 2) {
                if (e.element == 0x0010) rows = u16(e.valueAt);
                if (e.element == 0x0011) columns = u16(e.valueAt);
                if (e.element == 0x0100) bits = u16(e.valueAt);
            }
            if (group == 0x0028 && e.element == 0x0008) {
                frames = new String(head(e.valueAt, (int) e.length), StandardCharsets.US_ASCII).replace("\0", "").trim();
            }
            at = (int) (e.valueAt + e.length);
        }
        if (rows != null && columns != null) ImageSizeLimit.check(file, columns, rows);
        if (bits != null && !BITS_ALLOCATED.contains(bits)) {
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
        if (rows != null && columns != null && bits != null) {
            long claimed = (long) rows * columns * (bits / 8) * frameCount;
            if (claimed > fileSize) {
                throw new DataException(file, "truncated pixel data (the header claims " + claimed
                        + " bytes of pixels, the file has " + fileSize + ")");
            }
        }
    }

    /** The element whose tag starts at {@code at}, or null when its header runs past the bytes read. */
    private Element element(int at, boolean explicit) {
        int group = u16(at), element = u16(at + 2);
        String vr = new String(head(at + 4, 2), StandardCharsets.US_ASCII);
        // like ImageJ, take an element that carries a VR as explicit even in an implicit-VR file
        if (group == 0xFFFE || !(explicit || VRS.contains(vr))) {
            return new Element(group, element, u32(at + 4), at + 8); // items and delimiters have no VR
        }
        if (LONG_VRS.contains(vr)) {
            return at + 12 <= end ? new Element(group, element, u32(at + 8), at + 12) : null;
        }
        return new Element(group, element, u16(at + 6), at + 8);
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
            at = e.length == UNDEFINED ? skipSequence(e.valueAt, explicit) : (int) Math.min(end, e.valueAt + e.length);
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
