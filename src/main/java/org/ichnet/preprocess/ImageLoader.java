package org.ichnet.preprocess;

import org.ichnet.data.CtSlice;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.data.ProblemLog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Decodes every slice's image(s) once, in parallel over the available cores, resizes them to the
 * model size and keeps them as uint8. A corrupt or missing file skips the slice with a problem, or
 * with {@code strict} is thrown (the first in slice order).
 */
public final class ImageLoader {

    private ImageLoader() {
    }

    public static LoadedImages load(List<CtSlice> slices, PreprocessOptions options, boolean strict, boolean progress) {
        if (options.channels() == Channels.BRAIN_NEIGHBOURS) {
            // decode each brain image once, then copy it into its neighbours' stacks
            LoadedImages brain = load(slices, new PreprocessOptions(options.size(), Channels.BRAIN, options.framing()), strict, progress);
            return new LoadedImages(SliceNeighbours.stack(brain.images(), SliceNeighbours.of(brain.slices())),
                    brain.slices(), brain.problems());
        }
        int n = slices.size();
        ImageStack all = ImageStack.allocate(n, options.size(), options.channels().count());
        DataProblem[] failures = new DataProblem[n];
        try (Progress bar = Progress.start(progress, "decode", n)) {
            IntStream.range(0, n).parallel().forEach(i -> {
                failures[i] = loadOne(slices.get(i), i, all, options);
                bar.step();
            });
        }
        ProblemLog log = new ProblemLog(strict);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (failures[i] == null) kept.add(i);
            else log.report(failures[i]);
        }
        if (kept.size() == n) {
            return new LoadedImages(all, slices, List.of());
        }
        int[] indices = kept.stream().mapToInt(Integer::intValue).toArray();
        List<CtSlice> keptSlices = kept.stream().map(slices::get).toList();
        return new LoadedImages(all.select(indices), keptSlices, log.problems());
    }

    /** Decodes into {@code stack[index]}; returns the problem or null. */
    private static DataProblem loadOne(CtSlice slice, int index, ImageStack stack, PreprocessOptions options) {
        List<Path> files = new ArrayList<>();
        files.add(slice.brainImage());
        if (options.channels() == Channels.BRAIN_BONE) {
            if (slice.boneImage() == null) {
                return new DataProblem(slice.brainImage(), "slice " + slice.id() + " has no bone-window image; skipped");
            }
            files.add(slice.boneImage());
        }
        try {
            List<GrayImage> channels = new ArrayList<>();
            for (Path file : files) channels.add(ImageDecoder.readGray(file));
            channels = options.framing().frameScanSlice(channels);
            for (int c = 0; c < channels.size(); c++) {
                stack.put(index, c, Resize.area(channels.get(c), options.size(), options.size()));
            }
            return null;
        } catch (DataException e) {
            return e.toProblem();
        }
    }
}
