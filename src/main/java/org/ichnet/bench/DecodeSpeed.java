package org.ichnet.bench;

import org.ichnet.data.CtSlice;
import org.ichnet.data.DataException;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.ImageDecoder;
import org.ichnet.preprocess.ImageLoader;
import org.ichnet.preprocess.LoadedImages;
import org.ichnet.preprocess.PreprocessOptions;
import org.ichnet.preprocess.Resize;

import java.util.ArrayList;
import java.util.List;

/**
 * The input pipeline's speed: decode a slice's brain-window image (JPEG or PNG) and area-resize it to
 * the model size, once on one thread and once through {@link ImageLoader}'s parallel path (what
 * training uses). Files are read once untimed first, so both run from the page cache. Median of repeats.
 */
public final class DecodeSpeed {

    /** @param images slices decoded per repeat; {@code threads} is the parallel path's core count */
    public record Result(double singleThreadImagesPerSec, double parallelImagesPerSec, int images, int threads) {
    }

    private DecodeSpeed() {
    }

    public static Result measure(List<CtSlice> slices, int size, int repeats) {
        if (slices.isEmpty()) throw new IllegalArgumentException("no slices to decode");
        PreprocessOptions options = new PreprocessOptions(size, Channels.BRAIN);
        // untimed pass: warms the page cache and the JIT, and drops unreadable files from the set
        List<CtSlice> readable = ImageLoader.load(slices, options, false, false).slices();
        if (readable.isEmpty()) throw new DataException(slices.get(0).brainImage(), "none of the " + slices.size() + " images decodes");
        int n = readable.size();
        // single-threaded and parallel repeats alternate, so a change in background load hits both alike
        double[] single = new double[repeats], parallel = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (CtSlice s : readable) Resize.area(ImageDecoder.readGray(s.brainImage()), size, size);
            single[r] = n / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            LoadedImages loaded = ImageLoader.load(readable, options, false, false);
            parallel[r] = n / ((System.nanoTime() - t0) / 1e9);
            if (loaded.slices().size() != n) throw new IllegalStateException("decoded " + loaded.slices().size() + " of " + n);
        }
        return new Result(Stats.median(single), Stats.median(parallel), n, Runtime.getRuntime().availableProcessors());
    }

    /** {@code n} slices spread evenly over {@code all} (all of them when there are fewer). */
    public static List<CtSlice> spread(List<CtSlice> all, int n) {
        if (n >= all.size()) return List.copyOf(all);
        List<CtSlice> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) picked.add(all.get((int) ((long) i * all.size() / n)));
        return picked;
    }
}
