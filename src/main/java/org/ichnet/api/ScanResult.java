package org.ichnet.api;

import org.ichnet.clinical.PendingScan;
import org.ichnet.clinical.Scan;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.predict.GradCamOverlay;
import org.ichnet.predict.ScanPrediction;
import org.ichnet.predict.SlicePrediction;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The ensemble's answer for one scan: a file, a folder of slices, a DICOM series or a NIfTI volume.
 * Immutable and safe to share between threads; {@link #gradCam} needs its {@link Ichnet} still open.
 * A result holds numbers, not pixels: {@link #gradCam} decodes the scan's files again when it is asked for
 * (except while a {@link ScanListener} has the result, when the slices just predicted are at hand).
 */
public final class ScanResult {
    private final Ichnet owner;
    private final EnsemblePredictor predictor;
    private final ModelInfo model;
    private final ScanPrediction prediction;
    private final List<SliceResult> slices;
    private final ScanPixels pixels;

    ScanResult(Ichnet owner, EnsemblePredictor predictor, ModelInfo model, PendingScan pending, Scan decoded,
               ScanPrediction prediction) {
        this.owner = owner;
        this.predictor = predictor;
        this.model = model;
        this.prediction = prediction;
        this.slices = prediction.slices().stream().map(SliceResult::of).toList();
        this.pixels = new ScanPixels(pending, decoded, predictor.windows());
    }

    /**
     * The scan's name: the file name without extension, the folder name, or {@code <folder>_series-<uid>}; for a scan
     * found below a folder given, its path relative to that folder ({@code PATIENT/STUDY/SERIES}).
     */
    public String name() {
        return prediction.name();
    }

    /** The ensemble that predicted this scan (for {@link Ichnet#shipped()}, the shipped one). */
    public ModelInfo model() {
        return model;
    }

    /** The file or folder the scan was read from. */
    public Path source() {
        return prediction.source();
    }

    /** One result per slice, in slice order (a series by position, a volume by index, a folder by file name). */
    public List<SliceResult> slices() {
        return slices;
    }

    /** Files of this scan that were skipped (e.g. one corrupt slice of a series); the rest was predicted. */
    public List<Problem> problems() {
        return prediction.problems().stream().map(IchnetException::problem).toList();
    }

    /** Whether some slice is predicted as a hemorrhage class (not NORMAL). */
    public boolean anyHemorrhage() {
        return prediction.anyHemorrhage();
    }

    /** The hemorrhage classes predicted on at least one slice, in class order. */
    public List<SliceClass> types() {
        return prediction.types().stream().map(t -> SliceClass.valueOf(t.name())).toList();
    }

    /** Per class, the highest probability any slice has. */
    public Map<SliceClass, Float> maxProbability() {
        return SliceResult.byClass(prediction.maxProbability());
    }

    /** Index of the slice with the highest probability of any hemorrhage (the first on a tie). */
    public int topSlice() {
        int top = 0;
        for (int i = 1; i < slices.size(); i++) {
            if (slices.get(i).hemorrhageProbability() > slices.get(top).hemorrhageProbability()) top = i;
        }
        return top;
    }

    /** One line: {@code hemorrhage [SDH] on 2 of 30 slices} or {@code no hemorrhage on 30 slices}. */
    public String decision() {
        return anyHemorrhage()
                ? "hemorrhage " + types() + " on " + prediction.hemorrhageSlices().size() + " of " + slices.size() + " slices"
                : "no hemorrhage on " + slices.size() + " slices";
    }

    /** {@link #gradCam(int, int)} with 256-pixel panels. */
    public BufferedImage gradCam(int slice) {
        return gradCam(slice, GradCamOverlay.PANEL);
    }

    /**
     * Grad-CAM of slice {@code slice} for its predicted class: one panel per member model and one for the
     * ensemble (the members' maps weighted as the ensemble weighs them), each the brain-window slice with the
     * map on top in jet colours and a title naming the model and its probability. The first call decodes the
     * scan (reading its files again, unless a {@link ScanListener} has the result) and computes the maps of the
     * whole scan; both are kept for later calls while memory allows.
     *
     * @param panelSide the side of each square panel in pixels
     * @throws IndexOutOfBoundsException when there is no such slice
     * @throws IllegalStateException     when the {@link Ichnet} that made this result is closed, or the scan's
     *                                   files no longer give the slices that were predicted
     */
    public BufferedImage gradCam(int slice, int panelSide) {
        SlicePrediction p = prediction.slices().get(slice);
        if (panelSide < 1) throw new IllegalArgumentException("panel side " + panelSide + " is not positive");
        ScanPixels.Explained explained = pixels.explained(() -> owner.whileOpen(() -> {
            Scan scan = pixels.scan(prediction.slices().stream().map(SlicePrediction::label).toList());
            List<HemorrhageClass> targets = prediction.slices().stream().map(SlicePrediction::predicted).toList();
            return new ScanPixels.Explained(scan, predictor.gradCam(scan.slices(), targets));
        }));
        return GradCamOverlay.render(explained.scan().slices().get(slice), p, explained.cams().get(slice), panelSide);
    }

    /** The slices were handed over: from now on Grad-CAM reads the files again. */
    void releasePixels() {
        pixels.release();
    }
}
