package org.ichnet.data;

/**
 * How to read a data set.
 *
 * @param needBone keep only slices that have a bone-window image too (brain+bone input)
 * @param strict   the first per-slice problem is fatal instead of a skipped slice with a warning
 * @param priority how slices with several hemorrhage types get one class
 */
public record ReadOptions(boolean needBone, boolean strict, LabelPriority priority) {

    public static ReadOptions defaults() {
        return new ReadOptions(false, false, LabelPriority.DEFAULT);
    }

    public ReadOptions withStrict(boolean strict) {
        return new ReadOptions(needBone, strict, priority);
    }

    public ReadOptions withBone(boolean needBone) {
        return new ReadOptions(needBone, strict, priority);
    }
}
