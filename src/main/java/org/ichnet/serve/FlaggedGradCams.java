package org.ichnet.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.api.Predictions;
import org.ichnet.api.ScanResult;
import org.ichnet.api.SliceClass;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.predict.GradCamOverlay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, ScanSlice> byLabel = null;
        for (int s = 0; s < predictions.scans().size(); s++) {
            ScanResult scan = predictions.scans().get(s);
            for (int i = 0; i < scan.slices().size(); i++) {
                if (scan.slices().get(i).predicted() == SliceClass.NORMAL) continue;
                if (byLabel == null) byLabel = brainWindows(upload);
                ObjectNode slice = (ObjectNode) root.get("scans").get(s).get("slices").get(i);
                slice.put("gradcam", SliceImages.pngDataUrl(scan.gradCam(i)));
                ScanSlice read = byLabel.get(scan.slices().get(i).label());
                if (read != null) slice.put("image", SliceImages.pngDataUrl(SliceImages.brainWindow(read, GradCamOverlay.PANEL)));
            }
        }
    }

    private static Map<String, ScanSlice> brainWindows(StagedUpload upload) {
        Map<String, ScanSlice> byLabel = new HashMap<>();
        ScanInputs.collect(List.of(upload.input()), false).forEach(scan -> scan.slices().forEach(s -> byLabel.put(s.label(), s)));
        return byLabel;
    }
}
