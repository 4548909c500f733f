package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.SliceLevels;
import org.ichnet.bench.Machine;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.PaperWeights;
import org.ichnet.evaluate.Bootstrap;
import org.ichnet.evaluate.EpochRecord;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.PatientDecisions;
import org.ichnet.evaluate.PatientRanking;
import org.ichnet.evaluate.Predictions;
import org.ichnet.evaluate.WithinLevelAuc;
import org.ichnet.model.PaperModels;
import org.ichnet.report.DatasetSummary;
import org.ichnet.report.EnsembleSummary;
import org.ichnet.report.ModelResult;
import org.ichnet.report.RunSummary;
import org.ichnet.report.SplitCounts;
import org.ichnet.split.Role;
import org.ichnet.split.Split;
import org.ichnet.train.TrainResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns test predictions into the numbers a reviewer asks for: every metric for the three models and
 * both ensembles, bootstrap CIs (over patients unless the split is by slice), patient-level decisions
 * at the operating point chosen on validation, calibration, and the paper's weights on the same test set.
 */
public final class RunEvaluation {
    private RunEvaluation() {
    }

    public static RunSummary summarise(String title, CtDataset dataset, Split split, ExperimentSettings settings,
                                       ValidationFits fits, Predictions test, EnsembleSummaryInput ensemble,
                                       List<TrainResult> training, List<String> notes) {
        Bootstrap bootstrap = new Bootstrap(settings.bootstrapReps(), Bootstrap.DEFAULT_SEED);
        // resampling slices of a leaky split would pretend neighbouring slices are independent evidence;
        // with a patient split, patients are the independent units
        List<String> groups = settings.leaky() ? null : test.patients();
        Map<String, Double> levelById = SliceLevels.byId(dataset.slices());
        double[] levels = test.sliceIds().stream().mapToDouble(levelById::get).toArray();
        List<ModelResult> results = new ArrayList<>();
        for (String name : test.probabilities().keySet()) {
            results.add(new ModelResult(name, Metrics.compute(test.truth(), test.of(name)),
                    bootstrap.intervals(test.truth(), test.of(name), groups), fits.decisions().get(name),
                    ranking(test, test.of(name), settings, bootstrap), withinLevel(test, test.of(name), levels, settings, bootstrap)));
        }
        List<float[][]> perModel = PaperModels.NAMES.stream().map(test::of).toList();
        float[][] paperAverage = Ensemble.combine(perModel, PaperWeights.WEIGHTS, Combiner.WEIGHTED_AVERAGE);
        float[][] paperSum = Ensemble.combine(perModel, PaperWeights.WEIGHTS, Combiner.WEIGHTED_SUM);
        EnsembleSummary ensembleSummary = new EnsembleSummary(settings.criterion(), ensemble.average(), ensemble.sum(),
                new ModelResult("weightedAverage (paper's weights)", Metrics.compute(test.truth(), paperAverage),
                        bootstrap.intervals(test.truth(), paperAverage, groups),
                        PatientDecisions.byArgmax(test.truth(), paperAverage, test.patients()),
                        ranking(test, paperAverage, settings, bootstrap), withinLevel(test, paperAverage, levels, settings, bootstrap)),
                new ModelResult("weightedSum (paper's weights)", Metrics.compute(test.truth(), paperSum),
                        bootstrap.intervals(test.truth(), paperSum, groups),
                        PatientDecisions.byArgmax(test.truth(), paperSum, test.patients()),
                        ranking(test, paperSum, settings, bootstrap), withinLevel(test, paperSum, levels, settings, bootstrap)));

        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, List<EpochRecord>> history = new LinkedHashMap<>();
        for (TrainResult t : training) {
            seconds.put(t.model(), t.seconds());
            history.put(t.model(), t.history());
        }
        return new RunSummary(title, LocalDate.now().toString(), Machine.describe(), settings.protocol(),
                settings.leaky(), datasetSummary(dataset), splitCounts(dataset, split), settingsTable(settings),
                results, ensembleSummary, seconds, history, fits.calibration(), notes);
    }

    /** A slice split puts every test patient in training too: no scan-level ranking is reported for it. */
    private static PatientRanking ranking(Predictions test, float[][] probs, ExperimentSettings settings, Bootstrap bootstrap) {
        return settings.leaky() ? null : PatientRanking.of(test.truth(), probs, test.patients(), bootstrap);
    }

    /** Likewise none for a slice split, whose test slices are a scattering of each scan. */
    private static WithinLevelAuc withinLevel(Predictions test, float[][] probs, double[] levels,
                                              ExperimentSettings settings, Bootstrap bootstrap) {
        return settings.leaky() ? null : WithinLevelAuc.of(test.truth(), probs, levels, test.patients(), bootstrap);
    }

    /** Searched weights of both combiners, as {@link SplitRun} found them on validation. */
    public record EnsembleSummaryInput(org.ichnet.ensemble.SearchResult sum, org.ichnet.ensemble.SearchResult average) {
    }

    static DatasetSummary datasetSummary(CtDataset dataset) {
        return new DatasetSummary(dataset.root().toString(), dataset.layout(), dataset.patients().size(),
                dataset.slices().size(), dataset.classCounts(), dataset.classPatients());
    }

    static Map<String, SplitCounts> splitCounts(CtDataset dataset, Split split) {
        Map<String, SplitCounts> out = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            int slices = split.select(dataset.slices(), role).size();
            int patients = split.patients(dataset.slices(), role).size();
            if (role == Role.UNUSED && slices == 0) continue;
            out.put(role == Role.VAL ? "validation" : role.name().toLowerCase(), new SplitCounts(slices, patients));
        }
        return out;
    }

    static Map<String, String> settingsTable(ExperimentSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("protocol", s.protocol() + (s.leaky() ? " (LEAKY: slices of one patient in train and test)" : " (split by patient)"));
        m.put("split fractions", String.format("validation %.2f, test %.2f, seed %d", s.valFraction(), s.testFraction(), s.splitSeed()));
        if (s.trainingShare() < 1) {
            m.put("training share", String.format("%.0f%% of the training patients (learning curve)", 100 * s.trainingShare()));
        }
        m.put("image size", s.imageSize() + "x" + s.imageSize() + " (area resize)");
        m.put("channels", s.channels().label());
        m.put("test-time augmentation", s.mirrorTta() ? "mean over each slice and its mirror image" : "none");
        m.put("model variant", s.variant().name().toLowerCase());
        var t = s.training();
        m.put("optimizer", String.format("Adam, lr %.0e%s%s", t.learningRate(),
                t.warmupEpochs() > 0 ? ", warm-up " + t.warmupEpochs() + " epochs" : "", t.cosineDecay() ? ", cosine decay" : ""));
        m.put("epochs (max) / batch", t.epochs() + " / " + t.batchSize());
        m.put("early stopping", "best validation " + t.selection() + ", patience " + t.patience());
        m.put("class weighting", t.weighting().name());
        if (t.focalGamma() > 0) m.put("loss", "focal loss, gamma " + t.focalGamma());
        m.put("augmentation", t.augment().describe());
        m.put("regularisation", t.regularisation().describe());
        m.put("precision", t.bf16() ? "bf16 compute (oneDNN auto mixed precision), fp32 weights" : "fp32");
        m.put("seed", Long.toString(t.seed()));
        m.put("ensemble weights", s.grid().equalOnly() ? s.grid().describe()
                : s.grid().describe() + " on validation, criterion " + s.criterion());
        m.put("bootstrap", s.bootstrapReps() + " resamples of " + (s.leaky() ? "slices" : "patients"));
        return m;
    }
}
