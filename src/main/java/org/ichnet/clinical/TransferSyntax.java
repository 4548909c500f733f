package org.ichnet.clinical;

import java.util.Map;

/** The DICOM transfer syntaxes this reader decodes, how their pixel data is encoded, and readable names for all. */
final class TransferSyntax {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED_EXPLICIT_LE = "1.2.840.10008.1.2.1.99";
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";
    static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

    /** How a supported syntax stores its pixels. */
    enum Encoding {
        /** Uncompressed little endian, read by ImageJ. */
        NATIVE,
        /** Explicit VR little endian after the file meta group, raw-deflated (RFC 1951). */
        DEFLATED,
        /** Encapsulated: one frame of DICOM RLE (PS3.5 Annex G). */
        RLE,
        /** Encapsulated: one frame of JPEG (ISO 10918-1: baseline, extended 8-bit, lossless). */
        JPEG,
        /** Encapsulated: one JPEG 2000 codestream (ISO/IEC 15444-1, reversible or irreversible). */
        JPEG_2000
    }

    private static final Map<String, Encoding> SUPPORTED = Map.ofEntries(
            Map.entry(IMPLICIT_LE, Encoding.NATIVE),
            Map.entry(EXPLICIT_LE, Encoding.NATIVE),
            Map.entry(DEFLATED_EXPLICIT_LE, Encoding.DEFLATED),
            Map.entry(JPEG_BASELINE, Encoding.JPEG),
            Map.entry(JPEG_EXTENDED, Encoding.JPEG),
            Map.entry(JPEG_LOSSLESS, Encoding.JPEG),
            Map.entry(JPEG_LOSSLESS_SV1, Encoding.JPEG),
            Map.entry(JPEG_2000_LOSSLESS, Encoding.JPEG_2000),
            Map.entry(JPEG_2000, Encoding.JPEG_2000),
            Map.entry(RLE_LOSSLESS, Encoding.RLE));

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(DEFLATED_EXPLICIT_LE, "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
            Map.entry(JPEG_BASELINE, "JPEG Baseline"),
            Map.entry(JPEG_EXTENDED, "JPEG Extended"),
            Map.entry(JPEG_LOSSLESS, "JPEG Lossless"),
            Map.entry(JPEG_LOSSLESS_SV1, "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry(JPEG_2000_LOSSLESS, "JPEG 2000 Lossless"),
            Map.entry(JPEG_2000, "JPEG 2000"),
            Map.entry(RLE_LOSSLESS, "RLE Lossless"));

    private TransferSyntax() {
    }

    static boolean isSupported(String uid) {
        return SUPPORTED.containsKey(uid);
    }

    /** The encoding of a supported syntax; null for one this reader refuses. */
    static Encoding encoding(String uid) {
        return SUPPORTED.get(uid);
    }

    /** e.g. "compressed transfer syntax 1.2.840.10008.1.2.4.80 (JPEG-LS Lossless)". */
    static String describe(String uid) {
        String name = NAMES.get(uid);
        if (name == null) return "transfer syntax " + uid;
        boolean compressed = uid.startsWith("1.2.840.10008.1.2.4.") || uid.equals(RLE_LOSSLESS);
        return (compressed ? "compressed transfer syntax " : "transfer syntax ") + uid + " (" + name + ")";
    }
}
