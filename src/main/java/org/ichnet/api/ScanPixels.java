package org.ichnet.api;

import org.ichnet.clinical.PendingScan;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.clinical.Windows;
import org.ichnet.predict.SliceGradCam;

import java.lang.ref.SoftReference;
import java.util.List;
import java.util.function.Supplier;

/**
 * The decoded slices behind a {@link ScanResult}, for Grad-CAM: the slices just predicted until the result has
 * been handed over, then decoded again from the scan's files when asked for. The slices and their Grad-CAM
 * maps, once made, are kept softly: the JVM may drop them when memory runs short, and they are made again.
 * Thread-safe.
 */
final class ScanPixels {

    /** A scan's slices and the Grad-CAM maps of each, in slice order. */
    record Explained(Scan scan, List<SliceGradCam> cams) {
    }

    private final PendingScan pending;
    private final Windows windows;
    private Scan decoded;
    private SoftReference<Explained> explained = new SoftReference<>(null);

    /** @param windows the windows the model takes, to decode the files again with */
    ScanPixels(PendingScan pending, Scan decoded, Windows windows) {
        this.pending = pending;
        this.windows = windows;
        this.decoded = decoded;
    }

    /** The maps kept, or those {@code make} makes now. */
    synchronized Explained explained(Supplier<Explained> make) {
        Explained kept = explained.get();
        if (kept != null) return kept;
        Explained made = make.get();
        explained = new SoftReference<>(made);
        return made;
    }

    /**
     * The slices predicted: those at hand, else the files decoded again.
     *
     * @throws IllegalStateException when the files no longer give slices with these labels
     */
    synchronized Scan scan(List<String> labels) {
        if (decoded != null) return decoded;
        Scan again = pending.read(false, windows);
        if (!again.slices().stream().map(ScanSlice::label).toList().equals(labels)) {
            throw new IllegalStateException(pending.source() + ": its files no longer give the slices that were predicted;"
                    + " predict it again for Grad-CAM");
        }
        return again;
    }

    /** Lets go of the slices predicted and of any maps made from them. */
    synchronized void release() {
        decoded = null;
        explained = new SoftReference<>(null);
    }
}
