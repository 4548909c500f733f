package org.ichnet.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.clinical.Scan;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.predict.GradCamOverlay;
import org.ichnet.predict.ScanPrediction;
import org.ichnet.predict.SliceGradCam;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ?gradcam=1}: each flagged slice (predicted other than NORMAL) gets {@code gradcam}, the figure
 * {@code predict --gradcam} writes (a panel per model and one for the ensemble, explaining the predicted
 * class), and {@code image}, its brain window, both as PNG data URLs.
 */
final class FlaggedGradCams {

    private FlaggedGradCams() {
    }

    static void add(ObjectNode root, EnsemblePredictor predictor, List<Scan> scans, List<ScanPrediction> predictions) {
        for (int s = 0; s < scans.size(); s++) {
            Scan scan = scans.get(s);
            ScanPrediction prediction = predictions.get(s);
            List<Integer> flagged = new ArrayList<>();
            List<HemorrhageClass> targets = new ArrayList<>();
            for (int i = 0; i < prediction.slices().size(); i++) {
                HemorrhageClass predicted = prediction.slices().get(i).predicted();
                if (predicted == HemorrhageClass.NORMAL) continue;
                flagged.add(i);
                targets.add(predicted);
            }
            if (flagged.isEmpty()) continue;
            List<SliceGradCam> cams = predictor.gradCam(scan.slices(), flagged, targets);
            for (int k = 0; k < flagged.size(); k++) {
                int i = flagged.get(k);
                ObjectNode slice = (ObjectNode) root.get("scans").get(s).get("slices").get(i);
                slice.put("gradcam", SliceImages.pngDataUrl(GradCamOverlay.render(scan.slices().get(i),
                        prediction.slices().get(i), cams.get(k), GradCamOverlay.PANEL)));
                slice.put("image", SliceImages.pngDataUrl(SliceImages.brainWindow(scan.slices().get(i), GradCamOverlay.PANEL)));
            }
        }
    }
}
