package org.ichnet.predict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.clinical.PendingScan;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.preprocess.GrayImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ichnet predict --gradcam-masks DIR}: Grad-CAM scored against CT-ICH hemorrhage masks beside the
 * inputs ({@link GradCamAgreement}), for the ensemble and each model. The class explained is the predicted
 * one when it is a hemorrhage, else the likeliest hemorrhage class (a mask says there is one; the NORMAL
 * map would be meaningless against it).
 */
public final class GradCamAgreementJob {

    private final EnsemblePredictor predictor;
    private final Path maskDir;
    private final List<ObjectNode> agreementRows = new ArrayList<>();
    private final Map<String, List<GradCamAgreement.Score>> scores = new LinkedHashMap<>();

    private GradCamAgreementJob(EnsemblePredictor predictor, Path maskDir) {
        this.predictor = predictor;
        this.maskDir = maskDir;
        scores.put("ensemble", new ArrayList<>());
        predictor.modelNames().forEach(m -> scores.put(m, new ArrayList<>()));
    }

    /** Predicts the inputs' slices that have a mask with the model folder's ensemble and scores their Grad-CAM. */
    public static ObjectNode run(Path modelFolder, List<Path> inputs, Path maskDir, RuntimeOptions runtime) {
        try (EnsemblePredictor predictor = EnsemblePredictor.load(modelFolder, runtime)) {
            GradCamAgreementJob job = new GradCamAgreementJob(predictor, maskDir);
            for (PendingScan pending : ScanInputs.find(inputs)) { // one scan's pixels at a time
                Scan scan = pending.read(false, predictor.windows());
                if (!scan.slices().isEmpty()) job.agreement(scan.slices(), predictor.predict(scan).slices());
            }
            return job.json();
        }
    }

    private void agreement(List<ScanSlice> slices, List<SlicePrediction> predictions) {
        List<ScanSlice> withMask = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Path> masks = new ArrayList<>();
        List<SlicePrediction> preds = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            Path mask = GradCamAgreement.maskFor(Path.of(slices.get(i).label()), maskDir);
            if (mask == null) continue;
            withMask.add(slices.get(i));
            positions.add(i);
            masks.add(mask);
            preds.add(predictions.get(i));
        }
        if (withMask.isEmpty()) return;
        List<HemorrhageClass> targets = preds.stream()
                .map(p -> p.predicted() != HemorrhageClass.NORMAL ? p.predicted() : p.likeliestHemorrhage()).toList();
        List<SliceGradCam> cams = predictor.gradCam(slices, positions, targets);
        for (int i = 0; i < withMask.size(); i++) {
            GrayImage mask = GradCamAgreement.readMask(masks.get(i), Path.of(withMask.get(i).label()));
            int w = mask.width(), h = mask.height();
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("label", withMask.get(i).label());
            row.put("mask", masks.get(i).toString());
            row.put("target", targets.get(i).name());
            row.put("predicted", preds.get(i).predicted().name());
            GradCamAgreement.Score ensemble = GradCamAgreement.score(cams.get(i).ensemble(w, h), mask);
            scores.get("ensemble").add(ensemble);
            put(row.putObject("ensemble"), ensemble);
            for (int m = 0; m < predictor.modelNames().size(); m++) {
                GradCamAgreement.Score s = GradCamAgreement.score(cams.get(i).upsampled(m, w, h), mask);
                scores.get(predictor.modelNames().get(m)).add(s);
                put(row.putObject(predictor.modelNames().get(m)), s);
            }
            agreementRows.add(row);
        }
    }

    /** The agreement section of the JSON. */
    private ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("maskDir", maskDir.toString());
        node.put("topFraction", GradCamAgreement.TOP_FRACTION);
        ObjectNode summary = node.putObject("summary");
        for (var e : scores.entrySet()) {
            GradCamAgreement.Summary s = GradCamAgreement.summarize(e.getValue());
            ObjectNode o = summary.putObject(e.getKey());
            o.put("slices", s.slices());
            number(o, "meanInsideOutsideRatio", s.meanInsideOutsideRatio());
            number(o, "meanTopFractionInMask", s.meanTopFractionInMask());
            number(o, "pointingRate", s.pointingRate());
            number(o, "meanMaskFraction", s.meanMaskFraction());
        }
        ArrayNode rows = node.putArray("slices");
        agreementRows.forEach(rows::add);
        return node;
    }

    private static void put(ObjectNode o, GradCamAgreement.Score s) {
        number(o, "insideOutsideRatio", s.insideOutsideRatio());
        number(o, "topFractionInMask", s.topFractionInMask());
        o.put("peakInMask", s.peakInMask());
        number(o, "maskFraction", s.maskFraction());
    }

    /** JSON has no NaN or infinity: those become null. */
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }
}
