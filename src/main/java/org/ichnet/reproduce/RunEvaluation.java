package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.SliceLevels;
import org.ichnet.data.Sources;
import org.ichnet.bench.Machine;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.ensemble.PaperWeights;
import org.ichnet.evaluate.Bootstrap;
import org.ichnet.evaluate.EpochRecord;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.PatientDecision;
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
        Map<String, Double> levelById = SliceLevels.byId(dataset.slices());
        TestScoring scoring = new TestScoring(test, settings, levelById);
        List<ModelResult> results = new ArrayList<>();
        for (String name : test.probabilities().keySet()) {
            results.add(scoring.result(name, test.of(name), fits.decisions().get(name)));
        }
        results.addAll(PerSourceResults.of(dataset, test, (row, model, part) -> new TestScoring(part, settings, levelById)
                .result(row, part.of(model), fits.decisionOn(model, part))));
        List<float[][]> perModel = PaperModels.NAMES.stream().map(test::of).toList();
        float[][] paperAverage = Ensemble.combine(perModel, PaperWeights.WEIGHTS, Combiner.WEIGHTED_AVERAGE);
        float[][] paperSum = Ensemble.combine(perModel, PaperWeights.WEIGHTS, Combiner.WEIGHTED_SUM);
        EnsembleSummary ensembleSummary = new EnsembleSummary(settings.criterion(), settings.grid(), ensemble.average(), ensemble.sum(),
                scoring.result("weightedAverage (paper's weights)", paperAverage,
                        PatientDecisions.byArgmax(test.truth(), paperAverage, test.patients())),
                scoring.result("weightedSum (paper's weights)", paperSum,
                        PatientDecisions.byArgmax(test.truth(), paperSum, test.patients())));

        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, List<EpochRecord>> history = new LinkedHashMap<>();
        for (TrainResult t : training) {
            seconds.put(t.model(), t.seconds());
            history.put(t.model(), t.history());
        }
        List<String> allNotes = new ArrayList<>(LabelNotes.of(dataset));
        allNotes.addAll(notes);
        return new RunSummary(title, LocalDate.now().toString(), Machine.describe(), settings.protocol(),
                settings.leaky(), datasetSummary(dataset), splitCounts(dataset, split), settingsTable(settings),
                results, ensembleSummary, seconds, history, fits.calibration(), allNotes);
    }

    /** Every test-set number of one model's probabilities, with bootstrap CIs. */
    record TestScoring(Predictions test, boolean leaky, Bootstrap bootstrap, double[] levels) {

        TestScoring(Predictions test, ExperimentSettings settings, Map<String, Double> levelById) {
            this(test, settings.leaky(), new Bootstrap(settings.bootstrapReps(), Bootstrap.DEFAULT_SEED),
                    test.sliceIds().stream().mapToDouble(levelById::get).toArray());
        }

        ModelResult result(String name, float[][] probs, PatientDecision decision) {
            int[] truth = test.truth();
            // resampling slices of a leaky split would pretend neighbouring slices are independent evidence;
            // with a patient split, patients are the independent units. A slice split also puts every test
            // patient in training and scatters each scan over the roles: no patient ranking or level pairs for it
            return new ModelResult(name, Metrics.compute(truth, probs),
                    bootstrap.intervals(truth, probs, leaky ? null : test.patients()), decision,
                    leaky ? null : PatientRanking.of(truth, probs, test.patients(), bootstrap),
                    leaky ? null : WithinLevelAuc.of(truth, probs, levels, test.patients(), bootstrap));
        }
    }

    /** Searched weights of both combiners, as {@link SplitRun} found them on validation. */
    public record EnsembleSummaryInput(org.ichnet.ensemble.SearchResult sum, org.ichnet.ensemble.SearchResult average) {
    }

    static DatasetSummary datasetSummary(CtDataset dataset) {
        Map<String, DatasetSummary> sources = new LinkedHashMap<>();
        if (dataset.sources().size() > 1) {
            Sources.bySource(dataset).forEach((source, part) -> sources.put(source.name(), datasetSummary(part)));
        }
        return new DatasetSummary(dataset.rootsText(), dataset.layoutsText(), dataset.patients().size(),
                dataset.slices().size(), dataset.classCounts(), dataset.classPatients(), sources);
    }

    static Map<String, SplitCounts> splitCounts(CtDataset dataset, Split split) {
        Map<String, SplitCounts> out = new LinkedHashMap<>();
        for (Role role : split.rolesInUse()) {
            int slices = split.select(dataset.slices(), role).size();
            int patients = split.patients(dataset.slices(), role).size();
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
        m.put("members", String.join(", ", s.members()));
        m.put("framing", s.framing().label());
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
