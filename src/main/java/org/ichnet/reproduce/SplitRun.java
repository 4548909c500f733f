package org.ichnet.reproduce;

import org.ichnet.data.CtSlice;
import org.ichnet.data.SliceLevels;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.EnsembleSearch;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.evaluate.Predictions;
import org.ichnet.model.InputShape;
import org.ichnet.model.ModelCost;
import org.ichnet.model.MirrorAveraged;
import org.ichnet.model.ModelSpec;
import org.ichnet.model.PaperModels;
import org.ichnet.model.ProbabilityModel;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.model.SavedCnn;
import org.ichnet.preprocess.ImageStack;
import org.ichnet.split.Role;
import org.ichnet.split.Split;
import org.ichnet.train.TrainResult;
import org.ichnet.train.Trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One split, in the three steps the CLI also offers alone: train the CNNs on TRAIN (early stopping
 * on VAL); search both ensembles' weights on VAL predictions; predict TEST with the exported
 * SavedModels and the chosen weights. {@code reproduce} runs it once, {@code cv} once per fold.
 */
public final class SplitRun {

    public record Outcome(List<TrainResult> training, Predictions validation, Predictions test,
                          SearchResult weightedSum, SearchResult weightedAverage) {
    }

    /** The searched weights of both combiners and the validation predictions they were chosen on. */
    public record Weights(Predictions validation, SearchResult weightedSum, SearchResult weightedAverage) {
    }

    private final ImageStack images;
    private final List<CtSlice> slices;
    private final Split split;
    private final ExperimentSettings settings;
    private final Path dir;
    private final double[] scanLevels;

    public SplitRun(ImageStack images, List<CtSlice> slices, Split split, ExperimentSettings settings, Path dir) {
        this.images = images;
        this.slices = slices;
        this.split = split;
        this.settings = settings;
        this.dir = dir;
        this.scanLevels = SliceLevels.of(slices);
    }

    public Outcome run(boolean resume, boolean progress) {
        List<TrainResult> training = train(PaperModels.NAMES, resume, progress);
        Weights weights = searchWeights();
        return new Outcome(training, weights.validation(), predict(Role.TEST, weights.weightedSum(),
                weights.weightedAverage()), weights.weightedSum(), weights.weightedAverage());
    }

    public List<TrainResult> train(List<String> models, boolean resume, boolean progress) {
        Trainer trainer = new Trainer(settings.training(), RuntimeOptions.defaults(), progress);
        ImageView train = view(Role.TRAIN), val = view(Role.VAL);
        List<TrainResult> results = new ArrayList<>();
        for (String name : models) {
            ModelSpec spec = settings.member(name);
            results.add(trainer.train(spec, input(), train, val, RunFolder.training(dir, name),
                    RunFolder.model(dir, name), resume));
        }
        return results;
    }

    /** What training recorded, for evaluating a run whose models are already trained. */
    public List<TrainResult> trainingResults() {
        return PaperModels.NAMES.stream().map(name -> Trainer.readResult(name,
                ModelCost.of(settings.member(name), settings.imageSize(),
                        settings.channels().count()).parameters(), RunFolder.training(dir, name))).toList();
    }

    public Weights searchWeights() {
        ImageView val = view(Role.VAL);
        List<float[][]> probs = predictEachModel(val);
        SearchResult sum = EnsembleSearch.search(probs, val.labels(), settings.grid(), Combiner.WEIGHTED_SUM,
                settings.criterion());
        SearchResult average = EnsembleSearch.search(probs, val.labels(), settings.grid(), Combiner.WEIGHTED_AVERAGE,
                settings.criterion());
        return new Weights(predictions(val, probs, sum.weights(), average.weights()), sum, average);
    }

    public Predictions predict(Role role, SearchResult sum, SearchResult average) {
        return predict(role, sum.weights(), average.weights());
    }

    public Predictions predict(Role role, double[] sumWeights, double[] averageWeights) {
        ImageView view = view(role);
        return predictions(view, predictEachModel(view), sumWeights, averageWeights);
    }

    private List<float[][]> predictEachModel(ImageView view) {
        List<float[][]> probs = new ArrayList<>();
        for (String name : PaperModels.NAMES) {
            try (SavedCnn model = SavedCnn.load(RunFolder.model(dir, name),
                    RuntimeOptions.defaults().withBf16(settings.training().bf16()))) {
                probs.add(MirrorAveraged.of(model, settings.mirrorTta()).predictAll(view, ProbabilityModel.PREDICT_BATCH));
            }
        }
        return probs;
    }

    private Predictions predictions(ImageView view, List<float[][]> perModel, double[] sumWeights,
                                    double[] averageWeights) {
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        for (int m = 0; m < perModel.size(); m++) probs.put(PaperModels.NAMES.get(m), perModel.get(m));
        probs.put(Combiner.WEIGHTED_SUM.modelName(), Ensemble.combine(perModel, sumWeights, Combiner.WEIGHTED_SUM));
        probs.put(Combiner.WEIGHTED_AVERAGE.modelName(),
                Ensemble.combine(perModel, averageWeights, Combiner.WEIGHTED_AVERAGE));
        List<String> ids = new ArrayList<>(), patients = new ArrayList<>();
        for (int i : view.indices()) {
            ids.add(slices.get(i).id());
            patients.add(slices.get(i).patient());
        }
        return new Predictions(ids, patients, view.labels(), probs);
    }

    private InputShape input() {
        return new InputShape(settings.imageSize(), settings.channels().count());
    }

    ImageView view(Role role) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            if (split.roleOf(slices.get(i)) == role) chosen.add(i);
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        int[] labels = new int[indices.length];
        double[] levels = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            labels[k] = slices.get(indices[k]).label().ordinal();
            levels[k] = scanLevels[indices[k]];
        }
        return new ImageView(images, indices, labels, levels);
    }
}
