package org.ichnet.train;

import org.ichnet.model.ImageSource;

/** Images with one class index each. */
public interface LabelledImages extends ImageSource {
    int label(int index);
}
