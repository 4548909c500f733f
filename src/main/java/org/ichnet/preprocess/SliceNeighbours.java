package org.ichnet.preprocess;

import org.ichnet.data.CtSlice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each slice, the index of the slice numbered one below and one above in the same patient. Where
 * that slice is missing (the first or last slice, a gap, a slice the loader dropped) the slice itself
 * stands in, so an edge slice sees no context rather than another patient's.
 */
public final class SliceNeighbours {

    private SliceNeighbours() {
    }

    /** {@code [i][0]} the slice below slice i, {@code [i][1]} the slice above. */
    public static int[][] of(List<CtSlice> slices) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < slices.size(); i++) index.put(slices.get(i).id(), i);
        int[][] out = new int[slices.size()][2];
        for (int i = 0; i < slices.size(); i++) {
            CtSlice s = slices.get(i);
            out[i][0] = index.getOrDefault(s.patient() + "/" + (s.sliceNumber() - 1), i);
            out[i][1] = index.getOrDefault(s.patient() + "/" + (s.sliceNumber() + 1), i);
        }
        return out;
    }

    /**
     * A three-channel stack (below, itself, above) from a one-channel stack; {@code neighbours} as from
     * {@link #of}, indexing the same images.
     */
    public static ImageStack stack(ImageStack single, int[][] neighbours) {
        if (single.channels() != 1) throw new IllegalArgumentException("expected one channel, got " + single.channels());
        if (neighbours.length != single.count()) {
            throw new IllegalArgumentException(neighbours.length + " neighbour pairs for " + single.count() + " images");
        }
        int n = single.count(), pixels = single.size() * single.size();
        ImageStack out = ImageStack.allocate(n, single.size(), 3);
        byte[] src = single.pixels(), dst = out.pixels();
        for (int i = 0; i < n; i++) {
            int[] sources = {neighbours[i][0], i, neighbours[i][1]};
            int base = i * pixels * 3;
            for (int c = 0; c < 3; c++) {
                int from = sources[c] * pixels;
                for (int p = 0; p < pixels; p++) dst[base + p * 3 + c] = src[from + p];
            }
        }
        return out;
    }
}
