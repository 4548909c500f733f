package org.ichnet.predict;

import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.EnsembleManifest;
import org.ichnet.model.InputShape;
import org.ichnet.preprocess.Channels;
import org.ichnet.model.ModelSpec;
import org.ichnet.model.PaperModels;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.model.TrainableCnn;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model folder as {@code reproduce} writes it, from freshly initialised (untrained) paper CNNs: no training time. */
public final class UntrainedEnsemble {
    public static final RuntimeOptions RUNTIME = new RuntimeOptions(false, 2, 1);

    private UntrainedEnsemble() {
    }

    public static Path write(Path dir, int size, int channels, double[] weights) {
        InputShape input = new InputShape(size, channels);
        long seed = 7;
        for (ModelSpec spec : PaperModels.all(PaperModels.Variant.PAPER)) {
            try (TrainableCnn cnn = new TrainableCnn(spec, input, seed++, RUNTIME)) {
                cnn.exportSavedModel(dir.resolve(spec.name()));
            }
        }
        Map<String, double[]> w = new LinkedHashMap<>();
        w.put(Combiner.WEIGHTED_AVERAGE.modelName(), weights);
        w.put(Combiner.WEIGHTED_SUM.modelName(), weights);
        String label = Arrays.stream(Channels.values()).filter(c -> c.count() == channels).findFirst().orElseThrow().label();
        var pre = new EnsembleManifest.Preprocessing(size, label, List.of(), "area", "[0,1]", "CT-ICH JPG", false);
        new EnsembleManifest(EnsembleManifest.FORMAT, Arrays.stream(HemorrhageClass.values()).map(Enum::name).toList(),
                PaperModels.NAMES, Combiner.WEIGHTED_AVERAGE.modelName(), w, pre, Map.of("test", "untrained"))
                .write(dir.resolve(EnsembleManifest.FILE));
        return dir;
    }
}
