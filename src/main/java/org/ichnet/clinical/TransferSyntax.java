package org.ichnet.clinical;

import java.util.Map;

/** The DICOM transfer syntaxes this reader decodes, and readable names for the ones it refuses. */
final class TransferSyntax {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    private TransferSyntax() {
    }

    static boolean isSupported(String uid) {
        return uid.equals(IMPLICIT_LE) || uid.equals(EXPLICIT_LE);
    }

    /** e.g. "compressed transfer syntax 1.2.840.10008.1.2.4.70 (JPEG Lossless)". */
    static String describe(String uid) {
        String name = NAMES.get(uid);
        if (name == null) return "transfer syntax " + uid;
        boolean compressed = uid.startsWith("1.2.840.10008.1.2.4.") || uid.equals("1.2.840.10008.1.2.5");
        return (compressed ? "compressed transfer syntax " : "transfer syntax ") + uid + " (" + name + ")";
    }
}
