package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The DICOM part-10 preamble and file meta group (always explicit VR little endian), read before
 * ImageJ sees the file: ImageJ answers both a non-DICOM file and a compressed one with a silent
 * 0x0 image, which cannot tell the user what is wrong.
 */
final class DicomFileMeta {
    private static final int MAGIC_OFFSET = 128;
    private static final int META_LIMIT = 64 * 1024;

    private DicomFileMeta() {
    }

    /** True when the file has "DICM" at offset 128; false for anything else, including unreadable files. */
    static boolean hasMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC_OFFSET + 4);
            return head.length == MAGIC_OFFSET + 4
                    && new String(head, MAGIC_OFFSET, 4, StandardCharsets.US_ASCII).equals("DICM");
        } catch (IOException e) {
            return false;
        }
    }

    /** The transfer syntax UID (0002,0010); a DataException when the file is no part-10 DICOM file. */
    static String transferSyntax(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(META_LIMIT);
        } catch (IOException e) {
            throw new DataException(file, "cannot read DICOM file: " + e.getMessage(), e);
        }
        if (head.length < MAGIC_OFFSET + 4
                || !new String(head, MAGIC_OFFSET, 4, StandardCharsets.US_ASCII).equals("DICM")) {
            throw new DataException(file, "not a DICOM file (no DICM marker at byte 128)");
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        b.position(MAGIC_OFFSET + 4);
        while (b.remaining() >= 8) {
            int group = Short.toUnsignedInt(b.getShort());
            int element = Short.toUnsignedInt(b.getShort());
            if (group != 0x0002) break;
            String vr = new String(new byte[]{b.get(), b.get()}, StandardCharsets.US_ASCII);
            long length;
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT")) {
                b.getShort();
                if (b.remaining() < 4) break;
                length = Integer.toUnsignedLong(b.getInt());
            } else {
                length = Short.toUnsignedInt(b.getShort());
            }
            if (length > b.remaining()) break;
            if (element == 0x0010) {
                byte[] uid = new byte[(int) length];
                b.get(uid);
                String value = new String(uid, StandardCharsets.US_ASCII).replace("\0", "").trim();
                // a damaged value would otherwise carry binary and line breaks into the one-line error naming it
                if (!value.matches("[0-9.]{1,64}")) {
                    throw new DataException(file, "DICOM transfer syntax (0002,0010) is not a UID");
                }
                return value;
            }
            b.position(b.position() + (int) length);
        }
        throw new DataException(file, "DICOM file meta group has no transfer syntax (0002,0010)");
    }
}
