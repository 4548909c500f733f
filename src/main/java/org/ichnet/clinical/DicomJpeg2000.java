package org.ichnet.clinical;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import jj2000.j2k.util.FacilityManager;
import jj2000.j2k.util.MsgLogger;
import org.ichnet.data.DataException;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStreamImpl;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Decodes one encapsulated JPEG 2000 frame (an ISO/IEC 15444-1 codestream, DICOM 1.2.840.10008.1.2.4.90 and .91)
 * with JJ2000, as jai-imageio-jpeg2000 packs it: one gray component of 1 to 16 bits, signed or unsigned.
 *
 * <p>The codestream is walked before the decoder sees it, for what JJ2000 would not refuse itself:
 * <ul>
 *   <li>the SIZ marker (JJ2000 allocates from it): one component, not subsampled, of Columns x Rows pixels, at most
 *       16 bits and no more than BitsAllocated, in at most 65535 tiles;</li>
 *   <li>the tile-parts: each within the codestream, every tile present, and the end-of-codestream marker after the
 *       last. JPEG 2000 is embedded, and JJ2000 decodes a cut codestream into a blurred image without complaint;</li>
 *   <li>the main header's COD marker: decomposition levels (32 at most) and quality layers
 *       ({@value #MAX_LAYERS} at most: JJ2000 keeps arrays per layer for each code-block).</li>
 * </ul>
 *
 * <p>JJ2000 prints a stack trace to {@code System.err} when a read fails with an IOException, and its messages go to
 * a logger of its own. Here it reads from {@link CodestreamInput}, which throws an unchecked exception instead of an
 * IOException past the end (a corrupt packet header pointing there), so that print never happens; and a logger
 * registered for the decoding thread collects its messages, a warning or error making the codestream corrupt.
 *
 * <p>The samples come back as values (negative for a signed codestream). When the codestream's signedness agrees with
 * PixelRepresentation they are clamped to what BitsStored holds: the precision may exceed BitsStored (GDCM writes 16
 * for 12 stored bits) and an irreversible (lossy) decoding may overshoot the range, which {@link PixelRescale}'s cut
 * to BitsStored would otherwise wrap around. Unsigned samples for PixelRepresentation 1 are taken as two's complement
 * bit patterns (some encoders write signed pixels so), which that cut reads right. Signed samples for unsigned pixels
 * are refused.
 */
final class DicomJpeg2000 {
    /** Tiles are numbered by a 16-bit index (Isot). */
    static final int MAX_TILES = 65535;
    /**
     * Quality layers: encoders write one to a few dozen, the format allows 65535, and JJ2000 gives each code-block five
     * int arrays of one entry per layer (at 65535 layers, 1.3 MB a code-block; an 8192x8192 image has over 16000).
     */
    static final int MAX_LAYERS = 256;
    private static final int MAX_LEVELS = 32;
    private static final J2KImageReaderSpi PROVIDER = new J2KImageReaderSpi();
    private static final int SOC = 0xFF4F, SIZ = 0xFF51, COD = 0xFF52, SOT = 0xFF90, EOC = 0xFFD9;

    /** What the SIZ marker says, and where the codestream ends (after its EOC marker). */
    record Header(int width, int height, int precision, boolean signed, int tiles, int end) {
    }

    private DicomJpeg2000() {
    }

    /**
     * The {@code columns * rows} samples of a one-component codestream, row by row, clamped to BitsStored as the class
     * comment says.
     *
     * @param bitsStored BitsStored, null when absent (then BitsAllocated)
     * @param signed     PixelRepresentation 1
     */
    static int[] decode(Path file, byte[] codestream, int columns, int rows, int bitsAllocated, Integer bitsStored,
                        boolean signed) {
        Header header = header(file, codestream, columns, rows, bitsAllocated);
        if (header.signed && !signed) {
            throw new DataException(file, "the JPEG 2000 samples are signed, PixelRepresentation 0 says unsigned");
        }
        ImageReader reader = new J2KImageReader(PROVIDER);
        List<String> messages = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> messages.add(warning));
        Thread thread = Thread.currentThread();
        FacilityManager.registerMsgLogger(thread, new CollectingLogger(messages));
        try (CodestreamInput in = new CodestreamInput(codestream, header.end)) {
            reader.setInput(in, true, true);
            Raster raster = reader.readRaster(0, null);
            if (!messages.isEmpty()) throw corrupt(file, messages.get(0), null);
            if (raster.getWidth() != columns || raster.getHeight() != rows || raster.getNumBands() != 1) {
                throw new DataException(file, "the JPEG 2000 codestream decoded to " + raster.getWidth() + "x"
                        + raster.getHeight() + " pixels of " + raster.getNumBands() + " bands, the header says " + columns
                        + "x" + rows + " gray");
            }
            int[] samples = raster.getSamples(raster.getMinX(), raster.getMinY(), columns, rows, 0, (int[]) null);
            int stored = bitsStored == null ? bitsAllocated : bitsStored;
            if (header.signed == signed && stored >= 1 && stored <= 16) clamp(samples, stored, signed);
            return samples;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            if (e instanceof DataException de) throw de;
            throw corrupt(file, message(e), e);
        } finally {
            FacilityManager.unregisterMsgLogger(thread);
            reader.dispose();
        }
    }

    /** The SIZ marker, checked against the DICOM header, and the codestream's structure, as the class comment says. */
    static Header header(Path file, byte[] b, int columns, int rows, int bitsAllocated) {
        if (b.length >= 12 && u32(b, 4) == 0x6A502020L) { // the JP2 signature box, "jP  "
            throw new DataException(file, "the pixel data holds a JP2 file, not a bare JPEG 2000 codestream (not supported)");
        }
        if (b.length < 6 || u16(b, 0) != SOC || u16(b, 2) != SIZ) {
            throw new DataException(file, "the pixel data fragment is not a JPEG 2000 codestream (no SOC and SIZ markers)");
        }
        int lsiz = u16(b, 4);
        if (4 + lsiz > b.length) throw truncated(file, "in its SIZ marker");
        if (lsiz < 41) throw corrupt(file, "SIZ marker of " + lsiz + " bytes", null);
        // after Lsiz: Rsiz (capabilities), then the image and tile sizes and offsets, then Csiz
        long xsiz = u32(b, 8), ysiz = u32(b, 12), xo = u32(b, 16), yo = u32(b, 20);
        long xt = u32(b, 24), yt = u32(b, 28), xto = u32(b, 32), yto = u32(b, 36);
        int components = u16(b, 40);
        if (lsiz != 38 + 3 * components) {
            throw corrupt(file, "SIZ marker of " + lsiz + " bytes for " + components + " components", null);
        }
        if (components != 1) {
            throw new DataException(file, "colour DICOM image is not a CT slice (JPEG 2000 with " + components + " components)");
        }
        if (xo >= xsiz || yo >= ysiz) throw corrupt(file, "SIZ marker describes an empty image", null);
        long width = xsiz - xo, height = ysiz - yo;
        if (width != columns || height != rows) {
            throw new DataException(file, "the JPEG 2000 image is " + width + "x" + height + " pixels, the header says "
                    + columns + "x" + rows);
        }
        int ssiz = b[42] & 0xFF, xr = b[43] & 0xFF, yr = b[44] & 0xFF;
        if (xr != 1 || yr != 1) throw new DataException(file, "subsampled JPEG 2000 component (" + xr + "x" + yr + ") is not supported");
        int precision = (ssiz & 0x7F) + 1;
        boolean signed = (ssiz & 0x80) != 0;
        if (precision > 16) throw new DataException(file, "JPEG 2000 samples of " + precision + " bits are not supported (16 at most)");
        if (precision > bitsAllocated) {
            throw new DataException(file, "JPEG 2000 samples of " + precision + " bits do not fit BitsAllocated " + bitsAllocated);
        }
        if (xt == 0 || yt == 0 || xto > xo || yto > yo || xto + xt <= xo || yto + yt <= yo) {
            throw corrupt(file, "tiling " + xt + "x" + yt + " at " + xto + "," + yto + " does not cover the image", null);
        }
        long across = ceilDiv(xsiz - xto, xt), down = ceilDiv(ysiz - yto, yt);
        if (across > MAX_TILES || down > MAX_TILES || across * down > MAX_TILES) {
            throw corrupt(file, across + "x" + down + " tiles, above " + MAX_TILES, null);
        }
        int tiles = (int) (across * down);
        int at = 4 + lsiz;
        boolean cod = false;
        while (true) { // the main header's marker segments, up to the first tile-part
            if (at + 4 > b.length) throw truncated(file, "in its main header");
            int marker = u16(b, at), length = u16(b, at + 2);
            if (marker == SOT) break;
            if (marker >>> 8 != 0xFF || marker < 0xFF30) throw corrupt(file, "no marker at byte " + at + " of the main header", null);
            if (length < 2) throw corrupt(file, String.format("marker FF%02X of length %d", marker & 0xFF, length), null);
            if (at + 2 + length > b.length) throw truncated(file, "in its main header");
            if (marker == COD) {
                checkCod(file, b, at, length);
                cod = true;
            }
            at += 2 + length;
        }
        if (!cod) throw corrupt(file, "no COD marker in the main header", null);
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) end--; // fragments are padded to an even length
        BitSet seen = new BitSet(tiles);
        while (true) { // the tile-parts, each skipped by its length (Psot), up to the EOC marker
            if (at + 2 > b.length) throw truncated(file, "before its end-of-codestream marker");
            int marker = u16(b, at);
            if (marker == EOC) break;
            if (marker != SOT) throw corrupt(file, "no tile-part at byte " + at, null);
            if (at + 12 > b.length) throw truncated(file, "in a tile-part header");
            int lsot = u16(b, at + 2), tile = u16(b, at + 4);
            long psot = u32(b, at + 6);
            if (lsot != 10) throw corrupt(file, "SOT marker of " + lsot + " bytes", null);
            if (tile >= tiles) throw corrupt(file, "tile-part of tile " + tile + ", the image has " + tiles, null);
            seen.set(tile);
            if (psot == 0) { // the last tile-part, running up to the EOC marker
                if (end < at + 14 || u16(b, end - 2) != EOC) throw truncated(file, "before its end-of-codestream marker");
                at = end - 2;
            } else {
                if (psot < 14) throw corrupt(file, "tile-part of " + psot + " bytes", null);
                if (psot > b.length - at) {
                    throw truncated(file, "a tile-part claims " + psot + " bytes, " + (b.length - at) + " are left");
                }
                at += (int) psot;
            }
        }
        if (seen.cardinality() != tiles) {
            throw truncated(file, (tiles - seen.cardinality()) + " of " + tiles + " tiles missing");
        }
        return new Header((int) width, (int) height, precision, signed, tiles, at + 2);
    }

    /** Scod, then progression order, layers and colour transform, then decomposition levels. */
    private static void checkCod(Path file, byte[] b, int at, int length) {
        if (length < 12) throw corrupt(file, "COD marker of " + length + " bytes", null);
        int layers = u16(b, at + 6), levels = b[at + 9] & 0xFF;
        if (layers == 0 || layers > MAX_LAYERS) {
            throw corrupt(file, layers + " quality layers (1 to " + MAX_LAYERS + " supported)", null);
        }
        if (levels > MAX_LEVELS) throw corrupt(file, levels + " decomposition levels (at most " + MAX_LEVELS + ")", null);
    }

    private static void clamp(int[] samples, int bits, boolean signed) {
        int min = signed ? -(1 << (bits - 1)) : 0, max = signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
        for (int i = 0; i < samples.length; i++) samples[i] = Math.max(min, Math.min(max, samples[i]));
    }

    private static DataException truncated(Path file, String where) {
        return new DataException(file, "truncated JPEG 2000 codestream (" + where + ")");
    }

    private static DataException corrupt(Path file, String what, Throwable cause) {
        return new DataException(file, "corrupt JPEG 2000 codestream (" + what + ")", cause);
    }

    /** The innermost message of an exception chain (JJ2000 wraps its own several times), on one line. */
    private static String message(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
        }
        if (message == null) return e.getClass().getSimpleName();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return Integer.toUnsignedLong((b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF));
    }

    /** JJ2000's messages on the decoding thread: warnings and errors collected, the rest dropped. */
    private record CollectingLogger(List<String> messages) implements MsgLogger {
        @Override
        public void printmsg(int severity, String message) {
            if (severity >= MsgLogger.WARNING) messages.add(message == null ? "JJ2000 error" : message);
        }

        @Override
        public void println(String text, int firstLineIndent, int indent) {
        }

        @Override
        public void flush() {
        }
    }

    /** Thrown by {@link CodestreamInput} on a read past the codestream's end. */
    static final class PastEnd extends RuntimeException {
        PastEnd() {
            super("the decoder reads past the end of the codestream", null, false, false);
        }
    }

    /**
     * The codestream as an ImageInputStream that never throws an IOException: reading past the end throws
     * {@link PastEnd}, which JJ2000's {@code catch (IOException)} blocks (that print stack traces) do not catch.
     */
    static final class CodestreamInput extends ImageInputStreamImpl {
        private final byte[] data;
        private final int length;

        CodestreamInput(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }

        @Override
        public int read() {
            if (streamPos >= length) throw new PastEnd();
            bitOffset = 0;
            return data[(int) streamPos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (off < 0 || len < 0 || off + len > b.length || off + len < 0) throw new IndexOutOfBoundsException();
            if (len == 0) return 0;
            if (streamPos >= length) throw new PastEnd();
            int n = (int) Math.min(len, length - streamPos);
            System.arraycopy(data, (int) streamPos, b, off, n);
            streamPos += n;
            bitOffset = 0;
            return n;
        }

        @Override
        public long length() {
            return length;
        }
    }
}
