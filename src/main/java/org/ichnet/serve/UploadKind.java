package org.ichnet.serve;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an uploaded body is, told from its first bytes (never from the name the client gave, which only
 * breaks the tie for a DICOM file without its 128-byte preamble). Each kind is staged under a fixed name
 * with the extension {@code predict}'s readers expect.
 */
enum UploadKind {
    DICOM(".dcm"), SERIES_ZIP(".zip"), NIFTI(".nii"), NIFTI_GZ(".nii.gz"), PNG(".png"), JPEG(".jpg");

    /** Bytes enough to tell every kind: the NIfTI-1 magic ends at 348. */
    static final int HEAD = 348;

    static final String ACCEPTED = "a DICOM file, a zip of a DICOM series, NIfTI (.nii, .nii.gz), PNG or JPG";

    final String extension;

    UploadKind(String extension) {
        this.extension = extension;
    }

    /** The kind of a body starting with {@code head}, or {@link ApiError#unsupported} (415) naming what it is not. */
    static UploadKind sniff(byte[] head, String clientName) {
        if (head.length == 0) throw ApiError.badRequest("empty body: expected " + ACCEPTED);
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) return SERIES_ZIP;
        if (startsWith(head, 0x50, 0x4B, 0x05, 0x06)) throw ApiError.badRequest("the zip is empty");
        if (startsWith(head, 0x1F, 0x8B)) return NIFTI_GZ;
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return PNG;
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) return JPEG;
        if (head.length >= 132 && "DICM".equals(new String(head, 128, 4, StandardCharsets.US_ASCII))) return DICOM;
        if (isNifti1(head)) return NIFTI;
        String name = clientName == null ? "" : clientName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".dcm")) return DICOM;
        throw ApiError.unsupported("not " + ACCEPTED + " (first bytes " + hex(head) + ")");
    }

    private static boolean isNifti1(byte[] head) {
        if (head.length < HEAD) return false;
        String magic = new String(head, 344, 3, StandardCharsets.US_ASCII);
        if (!magic.equals("n+1")) return false;
        ByteBuffer b = ByteBuffer.wrap(head);
        return b.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == 348 || b.order(ByteOrder.BIG_ENDIAN).getInt(0) == 348;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((head[i] & 0xFF) != magic[i]) return false;
        return true;
    }

    private static String hex(byte[] head) {
        StringBuilder out = new StringBuilder();
        for (byte b : Arrays.copyOf(head, Math.min(8, head.length))) out.append(String.format("%02x", b & 0xFF));
        return out.toString();
    }
}
