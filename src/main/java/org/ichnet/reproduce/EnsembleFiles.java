package org.ichnet.reproduce;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.EnsembleManifest;
import org.ichnet.model.PaperModels;
import org.ichnet.preprocess.Channels;
import org.ichnet.train.TrainResult;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code models/ensemble.json} beside the three SavedModels of a run. */
public final class EnsembleFiles {
    private EnsembleFiles() {
    }

    /** {@code modelsDir/ensemble.json}: the folder becomes a model folder for {@code predict} and {@code test}. */
    public static void writeManifest(Path modelsDir, ExperimentSettings s, SplitRun.Weights outcome, List<TrainResult> training,
                              List<Path> dataDirs) {
        Map<String, double[]> weights = new LinkedHashMap<>();
        weights.put(Combiner.WEIGHTED_AVERAGE.modelName(), outcome.weightedAverage().weights());
        weights.put(Combiner.WEIGHTED_SUM.modelName(), outcome.weightedSum().weights());
        List<Map<String, Object>> windows = new ArrayList<>();
        windows.add(window("brain", 40, 120));
        if (s.channels() == Channels.BRAIN_BONE) windows.add(window("bone", 700, 3200));
        var preprocessing = new EnsembleManifest.Preprocessing(s.imageSize(),
                s.channels().label(), windows,
                "area average to imageSize x imageSize", "window mapped to [0,1]; JPG/PNG gray/255",
                "as the CT-ICH JPG export (face up); DICOM/NIfTI are rotated to match", s.mirrorTta(), s.framing().label());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("trainedOn", String.join(" + ", dataDirs.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList()));
        provenance.put("protocol", s.protocol());
        provenance.put("variant", s.variant().name().toLowerCase());
        provenance.put("members", memberDescriptions(s));
        provenance.put("date", LocalDate.now().toString());
        provenance.put("weightsSelectedOn", s.grid().equalOnly() ? "not searched: equal weights" : "validation");
        provenance.put("bestEpochs", training.stream().map(t -> t.model() + ":" + t.bestEpoch()).toList());
        new EnsembleManifest(EnsembleManifest.FORMAT,
                Arrays.stream(HemorrhageClass.values()).map(Enum::name).toList(), PaperModels.NAMES,
                Combiner.WEIGHTED_AVERAGE.modelName(), weights, preprocessing, provenance)
                .write(modelsDir.resolve(EnsembleManifest.FILE));
    }

    /** Each slot's network in words, e.g. {"model1": "MobileNet v1 1.0 (ImageNet), up to conv_dw_13_relu, fine-tuned from conv_dw_7"}. */
    private static Map<String, String> memberDescriptions(ExperimentSettings s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String slot : PaperModels.NAMES) out.put(slot, s.member(slot).layerSummary());
        return out;
    }

    /** In a fixed key order, so a re-exported manifest differs only where something changed. */
    private static Map<String, Object> window(String channel, int level, int width) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("channel", channel);
        w.put("level", level);
        w.put("width", width);
        return w;
    }
}
