package org.ichnet.api;

import org.ichnet.data.DataException;
import org.ichnet.ensemble.EnsembleManifest;
import org.ichnet.predict.EnsemblePredictor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ModelInfo} of a loaded ensemble. */
final class ModelInfos {
    static final String CARD = "MODEL_CARD.md";

    private ModelInfos() {
    }

    static ModelInfo of(EnsemblePredictor predictor) {
        EnsembleManifest manifest = predictor.manifest();
        EnsembleManifest.Preprocessing pre = manifest.preprocessing();
        Map<String, Double> weights = new LinkedHashMap<>();
        double[] w = predictor.weights();
        for (int m = 0; m < w.length; m++) weights.put(predictor.modelNames().get(m), w[m]);
        return new ModelInfo(predictor.directory().toAbsolutePath().normalize(), manifest.format(),
                manifest.classes().stream().map(SliceClass::valueOf).toList(), pre.imageSize(), pre.channels(),
                pre.framing(), pre.mirrorAveraged(), predictor.combiner().modelName(), weights, manifest.provenance(),
                card(predictor.directory()));
    }

    private static String card(Path folder) {
        Path file = folder.resolve(CARD);
        if (!Files.isRegularFile(file)) return "";
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DataException(file, "unreadable model card (" + e.getMessage() + ")");
        }
    }
}
