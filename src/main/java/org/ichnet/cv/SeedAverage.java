package org.ichnet.cv;

import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Criterion;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.EnsembleSearch;
import org.ichnet.ensemble.WeightGrid;
import org.ichnet.evaluate.Predictions;
import org.ichnet.model.PaperModels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One fold of a seed ensemble: each family's probabilities are the mean over its CNNs trained with
 * different seeds on the same patients; both ensembles' weights are then searched again on the
 * averaged validation predictions (a one-point grid such as equal weights: nothing to search), so nothing
 * about the test patients enters. With one member, the fold's ensembles re-derived from its own predictions.
 */
final class SeedAverage {
    private SeedAverage() {
    }

    /** One fold's ensembles combined anew from its own saved predictions, e.g. under other ensemble weights. */
    static FoldResult recombine(FoldResult fold, WeightGrid grid, Criterion criterion) {
        return of(List.of(fold), grid, criterion);
    }

    /** {@code members}: the same fold of cross-validations that differ only in the training seed. */
    static FoldResult of(List<FoldResult> members, WeightGrid grid, Criterion criterion) {
        if (members.isEmpty()) throw new IllegalArgumentException("a seed ensemble needs at least one member");
        List<float[][]> validation = familyMeans(members.stream().map(FoldResult::validation).toList());
        List<float[][]> test = familyMeans(members.stream().map(FoldResult::test).toList());
        Predictions val0 = members.get(0).validation(), test0 = members.get(0).test();
        double[] sum = EnsembleSearch.search(validation, val0.truth(), grid, Combiner.WEIGHTED_SUM, criterion).weights();
        double[] average = EnsembleSearch.search(validation, val0.truth(), grid, Combiner.WEIGHTED_AVERAGE, criterion)
                .weights();
        double seconds = members.stream().mapToDouble(FoldResult::trainingSeconds).sum();
        return new FoldResult(members.get(0).fold(), withEnsembles(test0, test, sum, average),
                withEnsembles(val0, validation, sum, average), average, sum, seconds);
    }

    private static List<float[][]> familyMeans(List<Predictions> members) {
        Predictions first = members.get(0);
        for (Predictions p : members) {
            if (!p.sliceIds().equals(first.sliceIds())) {
                throw new IllegalStateException("the seeds' folds predicted different slices: they were not made "
                        + "with the same data and split settings");
            }
        }
        List<float[][]> means = new ArrayList<>();
        for (String family : PaperModels.NAMES) {
            float[][] mean = new float[first.size()][];
            for (int i = 0; i < first.size(); i++) {
                mean[i] = new float[first.of(family)[i].length];
                for (Predictions p : members) {
                    float[] row = p.of(family)[i];
                    for (int c = 0; c < row.length; c++) mean[i][c] += row[c] / members.size();
                }
            }
            means.add(mean);
        }
        return means;
    }

    private static Predictions withEnsembles(Predictions like, List<float[][]> families, double[] sum, double[] average) {
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        for (int m = 0; m < families.size(); m++) probs.put(PaperModels.NAMES.get(m), families.get(m));
        probs.put(Combiner.WEIGHTED_SUM.modelName(), Ensemble.combine(families, sum, Combiner.WEIGHTED_SUM));
        probs.put(Combiner.WEIGHTED_AVERAGE.modelName(), Ensemble.combine(families, average, Combiner.WEIGHTED_AVERAGE));
        return new Predictions(like.sliceIds(), like.patients(), like.truth(), probs);
    }
}
