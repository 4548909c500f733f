package org.ichnet.preprocess;

import org.ichnet.data.CtSlice;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.data.ProblemLog;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Checks that a data set's image files are readable without keeping any pixels.
 *
 * <p>{@link Mode#QUICK} reads each file's header (format and size) and checks that it ends with the
 * format's end marker (JPEG EOI, PNG IEND), which catches truncated files. Damage inside the
 * compressed data is only found by {@link Mode#DECODE}, a full decode.
 */
public final class ImageVerifier {

    public enum Mode { QUICK, DECODE }

    private static final int TAIL_BYTES = 64;

    private ImageVerifier() {
    }

    /** Problems of all slices' brain, bone and mask files, in slice order; strict throws the first. */
    public static List<DataProblem> verify(List<CtSlice> slices, Mode mode, boolean strict, boolean progress) {
        List<Path> files = new ArrayList<>();
        for (CtSlice s : slices) {
            files.add(s.brainImage());
            if (s.boneImage() != null) files.add(s.boneImage());
            if (s.mask() != null) files.add(s.mask());
        }
        DataProblem[] found = new DataProblem[files.size()];
        try (Progress bar = Progress.start(progress, mode == Mode.QUICK ? "check" : "decode", files.size())) {
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                found[i] = check(files.get(i), mode);
                bar.step();
            });
        }
        ProblemLog log = new ProblemLog(strict);
        for (DataProblem p : found) {
            if (p != null) log.report(p);
        }
        return log.problems();
    }

    /** The problem with one file, or null when it is fine. */
    public static DataProblem check(Path file, Mode mode) {
        try {
            if (mode == Mode.DECODE) {
                ImageDecoder.readGray(file);
            } else {
                checkQuick(file);
            }
            return null;
        } catch (DataException e) {
            return e.toProblem();
        }
    }

    private static void checkQuick(Path file) {
        String format;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DataException(file, "not a readable image (JPG or PNG expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                    throw new DataException(file, "image has no pixels");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException de) throw de;
            throw new DataException(file, "corrupt image header (" + Objects.toString(e.getMessage(), e.getClass().getSimpleName()) + ")", e);
        }
        byte[] tail = tail(file);
        boolean complete = switch (format) {
            case "jpeg", "jpg" -> endsWithJpegEnd(tail);
            case "png" -> new String(tail, StandardCharsets.ISO_8859_1).contains("IEND");
            default -> true;
        };
        if (!complete) {
            throw new DataException(file, "truncated image (no " + format.toUpperCase(Locale.ROOT) + " end marker)");
        }
    }

    /** JPEG ends with FF D9; some writers pad a few bytes after it. */
    private static boolean endsWithJpegEnd(byte[] tail) {
        for (int i = tail.length - 2; i >= 0; i--) {
            if ((tail[i] & 0xFF) == 0xFF && (tail[i + 1] & 0xFF) == 0xD9) return true;
        }
        return false;
    }

    private static byte[] tail(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            int n = (int) Math.min(TAIL_BYTES, f.length());
            byte[] bytes = new byte[n];
            f.seek(f.length() - n);
            f.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            throw new DataException(file, "cannot read (" + e.getMessage() + ")", e);
        }
    }
}
