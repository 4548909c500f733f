package org.ichnet.preprocess;

import org.ichnet.data.CtDataset;
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

    /**
     * The data set without the slices whose brain or bone image fails the check, those failures added
     * to its problems (in slice order); strict throws the first. Masks are not checked: no model reads them.
     */
    public static CtDataset verify(CtDataset dataset, Mode mode, boolean strict, boolean progress) {
        List<CtSlice> slices = dataset.slices();
        DataProblem[] found = new DataProblem[slices.size()];
        try (Progress bar = Progress.start(progress, mode == Mode.QUICK ? "check" : "decode", slices.size())) {
            IntStream.range(0, slices.size()).parallel().forEach(i -> {
                CtSlice s = slices.get(i);
                found[i] = check(s.brainImage(), mode);
                if (found[i] == null && s.boneImage() != null) found[i] = check(s.boneImage(), mode);
                bar.step();
            });
        }
        ProblemLog log = new ProblemLog(strict);
        List<CtSlice> kept = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i] == null) kept.add(slices.get(i));
            else log.report(found[i]);
        }
        List<DataProblem> problems = new ArrayList<>(dataset.problems());
        problems.addAll(log.problems());
        return dataset.keeping(kept, problems);
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
            ImageReader reader = ImageReaders.first(in);
            if (reader == null) {
                throw new DataException(file, "not a readable image (JPG or PNG expected)");
            }
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
