package org.ichnet.predict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.preprocess.GrayImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grad-CAM for {@code ichnet predict}: PNG overlays into a folder ({@code --gradcam DIR}) and, for slices
 * with a CT-ICH hemorrhage mask beside them ({@code --gradcam-masks DIR}), {@link GradCamAgreement} scores.
 *
 * <p>Overlays explain the ensemble's predicted class. Agreement explains the predicted class when it is a
 * hemorrhage, else the likeliest hemorrhage class (a mask says there is one; the NORMAL map would be
 * meaningless against it).
 */
public final class GradCamJob {

    private final EnsemblePredictor predictor;
    private final Path pngDir;
    private final Path maskDir;
    private final int panel;
    private final Set<String> usedNames = new HashSet<>();
    private final List<ObjectNode> agreementRows = new ArrayList<>();
    private final Map<String, List<GradCamAgreement.Score>> scores = new LinkedHashMap<>();

    /** Either folder may be null (that output is skipped). */
    public GradCamJob(EnsemblePredictor predictor, Path pngDir, Path maskDir, int panel) {
        this.predictor = predictor;
        this.pngDir = pngDir;
        this.maskDir = maskDir;
        this.panel = panel;
        scores.put("ensemble", new ArrayList<>());
        predictor.modelNames().forEach(m -> scores.put(m, new ArrayList<>()));
    }

    /** Runs one scan; returns the PNG written per slice (null entries without {@code pngDir}). */
    public List<Path> run(Scan scan, ScanPrediction prediction) {
        List<Path> written = new ArrayList<>();
        List<ScanSlice> slices = scan.slices();
        if (pngDir != null && !slices.isEmpty()) {
            List<HemorrhageClass> targets = prediction.slices().stream().map(SlicePrediction::predicted).toList();
            List<SliceGradCam> cams = predictor.gradCam(slices, targets);
            for (int i = 0; i < slices.size(); i++) {
                Path png = pngDir.resolve(fileName(scan, slices.get(i)));
                GradCamOverlay.write(png, slices.get(i), prediction.slices().get(i), cams.get(i), panel);
                written.add(png);
            }
        } else {
            slices.forEach(s -> written.add(null));
        }
        if (maskDir != null) agreement(slices, prediction.slices());
        return written;
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
            GrayImage mask = GradCamAgreement.readMask(masks.get(i));
            int w = mask.width(), h = mask.height();
            ObjectNode row = PredictionOutput.mapper().createObjectNode();
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

    /** The agreement section of the JSON, or null when no mask was asked for. */
    public ObjectNode agreementJson() {
        if (maskDir == null) return null;
        ObjectNode node = PredictionOutput.mapper().createObjectNode();
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

    /**
     * {@code <scan>.png} for a one-slice scan named like its file, else {@code <scan>_<slice>.png}, made
     * safe for file systems and unique within the run.
     */
    String fileName(Scan scan, ScanSlice slice) {
        String label = slice.label();
        int hash = label.lastIndexOf('#');
        String sliceName = hash >= 0 ? baseName(label.substring(0, hash)) + "_" + label.substring(hash + 1) : baseName(label);
        String base = scan.slices().size() == 1 && sliceName.equals(scan.name()) ? scan.name() : scan.name() + "_" + sliceName;
        base = base.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base;
        for (int k = 2; !usedNames.add(name); k++) name = base + "-" + k;
        return name + ".png";
    }

    private static String baseName(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.toLowerCase().endsWith(".nii.gz") ? name.length() - 7 : name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
