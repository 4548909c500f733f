package org.ichnet.preprocess;

import org.ichnet.data.CtSlice;
import org.ichnet.data.DataProblem;

import java.util.List;

/** Decoded images; {@code slices.get(i)} is image i of the stack. Slices whose files failed are left out and listed in {@code problems}. */
public record LoadedImages(ImageStack images, List<CtSlice> slices, List<DataProblem> problems) {
    public LoadedImages {
        slices = List.copyOf(slices);
        problems = List.copyOf(problems);
        if (images.count() != slices.size()) {
            throw new IllegalArgumentException(images.count() + " images for " + slices.size() + " slices");
        }
    }
}
