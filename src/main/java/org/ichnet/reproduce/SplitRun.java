package org.ichnet.reproduce;

import org.ichnet.data.CtSlice;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.EnsembleSearch;
import org.ichnet.ensemble.SearchResult;
import org.ichnet.evaluate.Predictions;
import org.ichnet.model.InputShape;
import org.ichnet.model.ModelSpec;
import org.ichnet.model.PaperModels;
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
 * One split, start to finish: train the three CNNs on TRAIN (early stopping on VAL), predict VAL and
 * TEST with the exported SavedModels, search both ensembles' weights on VAL, apply them to TEST.
 * Used once by {@code reproduce} and once per fold by {@code cv}.
 */
public final class SplitRun {
    private static final int PREDICT_BATCH = 32;

    public record Outcome(List<TrainResult> training, Predictions validation, Predictions test,
                          SearchResult weightedSum, SearchResult weightedAverage) {
    }

    private SplitRun() {
    }

    public static Outcome run(ImageStack images, List<CtSlice> slices, Split split, ExperimentSettings settings,
                              Path dir, boolean resume, boolean progress) {
        InputShape input = new InputShape(settings.imageSize(), settings.channels().count());
        ImageView train = view(images, slices, split, Role.TRAIN);
        ImageView val = view(images, slices, split, Role.VAL);
        ImageView test = view(images, slices, split, Role.TEST);
        Trainer trainer = new Trainer(settings.training(), RuntimeOptions.defaults(), progress);

        List<TrainResult> results = new ArrayList<>();
        List<float[][]> valProbs = new ArrayList<>(), testProbs = new ArrayList<>();
        for (ModelSpec spec : PaperModels.all(settings.variant())) {
            Path exported = RunFolder.model(dir, spec.name());
            results.add(trainer.train(spec, input, train, val, RunFolder.training(dir, spec.name()), exported, resume));
            try (SavedCnn model = SavedCnn.load(exported, RuntimeOptions.defaults().withBf16(settings.training().bf16()))) {
                valProbs.add(model.predictAll(val, PREDICT_BATCH));
                testProbs.add(model.predictAll(test, PREDICT_BATCH));
            }
        }
        SearchResult sum = EnsembleSearch.search(valProbs, val.labels(), settings.grid(), Combiner.WEIGHTED_SUM,
                settings.criterion());
        SearchResult average = EnsembleSearch.search(valProbs, val.labels(), settings.grid(),
                Combiner.WEIGHTED_AVERAGE, settings.criterion());
        return new Outcome(results,
                predictions(slices, split, Role.VAL, val, valProbs, sum, average),
                predictions(slices, split, Role.TEST, test, testProbs, sum, average),
                sum, average);
    }

    private static Predictions predictions(List<CtSlice> slices, Split split, Role role, ImageView view,
                                           List<float[][]> perModel, SearchResult sum, SearchResult average) {
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        for (int m = 0; m < perModel.size(); m++) probs.put(PaperModels.NAMES.get(m), perModel.get(m));
        probs.put(Combiner.WEIGHTED_SUM.modelName(), Ensemble.combine(perModel, sum.weights(), Combiner.WEIGHTED_SUM));
        probs.put(Combiner.WEIGHTED_AVERAGE.modelName(),
                Ensemble.combine(perModel, average.weights(), Combiner.WEIGHTED_AVERAGE));
        List<String> ids = new ArrayList<>(), patients = new ArrayList<>();
        for (int i : view.indices()) {
            ids.add(slices.get(i).id());
            patients.add(slices.get(i).patient());
        }
        return new Predictions(ids, patients, view.labels(), probs);
    }

    static ImageView view(ImageStack images, List<CtSlice> slices, Split split, Role role) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            if (split.roleOf(slices.get(i)) == role) chosen.add(i);
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) labels[k] = slices.get(indices[k]).label().ordinal();
        return new ImageView(images, indices, labels);
    }
}
