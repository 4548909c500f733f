package org.ichnet.serve;

/**
 * The name a client gave an upload (a multipart file name, a zip entry), made safe to show: only its last
 * path segment for a file name, printable characters, bounded length. It is only ever shown in the
 * response (scan name, slice labels), never used as a path.
 */
final class UploadName {

    private static final int MAX_LENGTH = 200;

    private UploadName() {
    }

    /** The last segment of a client's file name, or {@code fallback} when nothing printable is left. */
    static String fileName(String clientName, String fallback) {
        String name = clientName == null ? "" : clientName.replace('\\', '/');
        name = printable(name.substring(name.lastIndexOf('/') + 1)).strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? fallback : name;
    }

    /** Control characters dropped, at most {@value #MAX_LENGTH} characters. */
    static String printable(String text) {
        String clean = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) : clean;
    }

    /** The name without the extension of its kind ({@code 071_14.dcm} → {@code 071_14}, {@code a.nii.gz} → {@code a}). */
    static String base(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String ext : new String[]{".nii.gz", ".nii", ".dcm", ".zip", ".jpeg", ".jpg", ".png"}) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) return name.substring(0, name.length() - ext.length());
        }
        return name;
    }
}
