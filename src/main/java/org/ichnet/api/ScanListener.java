package org.ichnet.api;

/**
 * Takes the results of {@link Ichnet#predictEach}, one scan at a time and in input order, while the scans are
 * predicted: each result is handed over before the next scan is decoded, and its pixels are let go when
 * {@link #scan} returns, so a caller that writes each result out and keeps nothing of it predicts any number
 * of scans in the memory of one. Called on the thread that called {@code predictEach}.
 */
@FunctionalInterface
public interface ScanListener {

    /**
     * One scan's result. While this runs, {@link ScanResult#gradCam} uses the slices just predicted; later it
     * reads the scan's files again.
     */
    void scan(ScanResult result);

    /**
     * An input or file that was skipped, as soon as it is known: a scan's own skipped files just before its
     * result, an input that gave no slice (or could not be predicted) in its place among the scans. Each
     * problem once, the same as {@link PredictionSummary#problems()} lists at the end.
     */
    default void skipped(Problem problem) {
    }

    /** The number of slices done so far, of {@link Inputs#sliceCount()}, after each batch of the models. */
    default void progress(int slicesDone) {
    }
}
