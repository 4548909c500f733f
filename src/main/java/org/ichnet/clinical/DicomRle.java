package org.ichnet.clinical;

import org.ichnet.data.DataException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Decodes one frame of DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header (the number of segments, then 15
 * offsets), then one PackBits-like segment per byte plane of the samples, most significant byte first.
 */
final class DicomRle {
    private static final int HEADER = 64;

    private DicomRle() {
    }

    /** The {@code pixels} unsigned words ({@code bytesPerSample} bytes each, one sample per pixel) of the frame. */
    static int[] decode(Path file, byte[] frame, int pixels, int bytesPerSample) {
        if (frame.length < HEADER) throw new DataException(file, "corrupt RLE frame (" + frame.length + " bytes, no 64-byte header)");
        ByteBuffer header = ByteBuffer.wrap(frame, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
        int segments = header.getInt(0);
        if (segments != bytesPerSample) {
            throw new DataException(file, "corrupt RLE frame (" + Integer.toUnsignedString(segments) + " segments for "
                    + bytesPerSample + "-byte gray samples)");
        }
        long[] starts = new long[segments + 1];
        for (int s = 0; s < segments; s++) starts[s] = Integer.toUnsignedLong(header.getInt(4 + 4 * s));
        starts[segments] = frame.length;
        for (int s = 0; s < segments; s++) {
            if (starts[s] < HEADER || starts[s] > starts[s + 1]) {
                throw new DataException(file, "corrupt RLE frame (segment " + (s + 1) + " offset " + starts[s] + ")");
            }
        }
        int[] words = new int[pixels];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            decodeSegment(file, frame, (int) starts[s], (int) starts[s + 1], plane, s + 1);
            int shift = 8 * (segments - 1 - s);
            for (int i = 0; i < pixels; i++) words[i] |= (plane[i] & 0xFF) << shift;
        }
        return words;
    }

    /**
     * PackBits: n in 0..127 copies n+1 bytes, -127..-1 repeats the next byte 1-n times, -128 does nothing. A run
     * past the plane's end is cut there (some encoders overshoot); a segment that ends early is corrupt.
     */
    private static void decodeSegment(Path file, byte[] in, int at, int end, byte[] out, int segment) {
        int filled = 0;
        while (filled < out.length && at < end) {
            int n = in[at++];
            if (n >= 0) {
                int count = Math.min(n + 1, out.length - filled);
                if (at + count > end) break;
                System.arraycopy(in, at, out, filled, count);
                at += n + 1;
                filled += count;
            } else if (n != -128) {
                int count = Math.min(1 - n, out.length - filled);
                if (at >= end) break;
                byte value = in[at++];
                for (int i = 0; i < count; i++) out[filled++] = value;
            }
        }
        if (filled != out.length) {
            throw new DataException(file, "corrupt RLE frame (segment " + segment + " decodes to " + filled + " bytes, not "
                    + out.length + ")");
        }
    }
}
