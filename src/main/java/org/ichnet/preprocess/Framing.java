package org.ichnet.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a slice is framed before it is resized to the model's side: as it comes, or around the head
 * ({@link HeadCrop}). Training, prediction and the exported ensemble.json use the same framing, so
 * a model sees its inputs framed as it was trained.
 */
public enum Framing {
    WHOLE_SLICE("whole-slice"),
    HEAD("head");

    private final String label;

    Framing(String label) {
        this.label = label;
    }

    /** The name in ensemble.json and config.json. */
    public String label() {
        return label;
    }

    public static Optional<Framing> ofLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }

    /**
     * The channels of one slice framed: with {@link #HEAD} each is cut to the square of the head
     * found on the first (brain-window) channel. A slice without a head is an {@link IllegalArgumentException}.
     */
    public List<GrayImage> frame(List<GrayImage> channels) {
        if (this == WHOLE_SLICE) return channels;
        return cut(channels, HeadCrop.find(channels.get(0)));
    }

    /**
     * As {@link #frame}, for a slice that is one of a scan's: where no head shows (above the vertex, below
     * the skull base) the slice is kept whole instead of failing, so a series' empty edge slices neither stop
     * the scan nor drop out of training and evaluation. A lone image without a head is still an error.
     */
    public List<GrayImage> frameScanSlice(List<GrayImage> channels) {
        if (this == WHOLE_SLICE) return channels;
        return HeadCrop.locate(channels.get(0)).map(square -> cut(channels, square)).orElse(channels);
    }

    private static List<GrayImage> cut(List<GrayImage> channels, HeadCrop.Square square) {
        List<GrayImage> out = new ArrayList<>();
        for (GrayImage c : channels) out.add(HeadCrop.crop(c, square));
        return out;
    }
}
