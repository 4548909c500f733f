package org.ichnet.train;

import org.ichnet.model.ImageSource;

/** Images with one class index each. */
public interface LabelledImages extends ImageSource {
    int label(int index);

    /** Where the slice lies in its scan, 0 (lowest) to 1 (highest); NaN when unknown. */
    default double level(int index) {
        return Double.NaN;
    }
}
