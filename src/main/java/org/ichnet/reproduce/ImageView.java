package org.ichnet.reproduce;

import org.ichnet.preprocess.ImageStack;
import org.ichnet.train.LabelledImages;

/** A subset of the decoded stack (one role of a split) seen as labelled images, without copying pixels. */
record ImageView(ImageStack stack, int[] indices, int[] labels, double[] levels) implements LabelledImages {
    @Override
    public int count() {
        return indices.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public double level(int index) {
        return levels[index];
    }

    @Override
    public void copyImage(int index, float[] dst, int dstOffset) {
        stack.copyFloats(indices[index], dst, dstOffset);
    }
}
