package org.ichnet.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.api.Predictions;
import org.ichnet.api.ScanResult;
import org.ichnet.api.SliceClass;
import org.ichnet.clinical.PendingScan;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.clinical.Windows;
import org.ichnet.predict.GradCamOverlay;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ?gradcam=1}: each flagged slice (predicted other than NORMAL) gets {@code gradcam}, the figure
 * {@code predict --gradcam} writes ({@link ScanResult#gradCam}: a panel per model and one for the ensemble,
 * explaining the predicted class), and {@code image}, its brain window, both as PNG data URLs. The brain
 * windows are read again from the staged upload, as the API read them, only when some slice is flagged.
 */
final class FlaggedGradCams {

    private FlaggedGradCams() {
    }

    static void add(ObjectNode root, Predictions predictions, StagedUpload upload) {
        Set<String> flagged = new HashSet<>();
        predictions.scans().forEach(scan -> scan.slices().stream().filter(s -> s.predicted() != SliceClass.NORMAL)
                .forEach(s -> flagged.add(s.label())));
        if (flagged.isEmpty()) return;
        Map<String, String> images = brainWindows(upload, flagged);
        for (int s = 0; s < predictions.scans().size(); s++) {
            ScanResult scan = predictions.scans().get(s);
            for (int i = 0; i < scan.slices().size(); i++) {
                if (scan.slices().get(i).predicted() == SliceClass.NORMAL) continue;
                ObjectNode slice = (ObjectNode) root.get("scans").get(s).get("slices").get(i);
                slice.put("gradcam", SliceImages.pngDataUrl(scan.gradCam(i)));
                String image = images.get(scan.slices().get(i).label());
                if (image != null) slice.put("image", image);
            }
        }
    }

    /** The brain windows of the flagged slices as PNG data URLs, by label: the upload read again, one scan at a time. */
    private static Map<String, String> brainWindows(StagedUpload upload, Set<String> flagged) {
        Map<String, String> byLabel = new HashMap<>();
        for (PendingScan pending : ScanInputs.find(List.of(upload.input()))) {
            for (ScanSlice s : pending.read(false, Windows.BRAIN).slices()) {
                if (flagged.contains(s.label())) byLabel.put(s.label(), SliceImages.pngDataUrl(SliceImages.brainWindow(s, GradCamOverlay.PANEL)));
            }
        }
        return byLabel;
    }
}
