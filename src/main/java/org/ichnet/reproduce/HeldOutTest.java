package org.ichnet.reproduce;

import org.ichnet.bench.Machine;
import org.ichnet.clinical.ScanSlice;
import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.data.ProblemLog;
import org.ichnet.data.SliceLevels;
import org.ichnet.evaluate.Bootstrap;
import org.ichnet.evaluate.PatientDecisions;
import org.ichnet.evaluate.Predictions;
import org.ichnet.evaluate.PredictionsCsv;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.predict.SlicePrediction;
import org.ichnet.preprocess.ImageDecoder;
import org.ichnet.report.HtmlReport;
import org.ichnet.report.MetricsJson;
import org.ichnet.report.ModelResult;
import org.ichnet.report.RunSummary;
import org.ichnet.report.SplitCounts;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * {@code ichnet test}: a trained ensemble on labelled data it never saw, with no training — the
 * same evaluation, files and report as a reproduction's test set. Each patient's slices are one
 * scan (in slice order, so neighbour inputs see their neighbours); the patient decision is at
 * argmax, since no validation data comes with the model; CIs resample patients.
 */
public final class HeldOutTest {
    public static final String PREDICTIONS = "predictions.csv";

    private HeldOutTest() {
    }

    public static RunSummary run(EnsemblePredictor predictor, CtDataset data, Path outDir, int bootstrapReps,
                                 boolean strict, IntConsumer progress, List<String> notes) {
        ProblemLog problems = new ProblemLog(strict);
        Map<String, List<CtSlice>> byPatient = new TreeMap<>();
        for (CtSlice s : data.slices()) byPatient.computeIfAbsent(s.patient(), p -> new ArrayList<>()).add(s);
        List<String> ids = new ArrayList<>(), patients = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        Map<String, List<float[]>> probs = new LinkedHashMap<>();
        List<CtSlice> seen = new ArrayList<>();
        int done = 0;
        for (List<CtSlice> scan : byPatient.values()) {
            // counted before the work, so that skipped slices and patients still move the bar to its end
            if (done > 0) progress.accept(done);
            done += scan.size();
            scan.sort(Comparator.comparingInt(CtSlice::sliceNumber));
            List<ScanSlice> inputs = new ArrayList<>();
            List<CtSlice> kept = new ArrayList<>();
            for (CtSlice s : scan) {
                try {
                    inputs.add(new ScanSlice(s.id(), ImageDecoder.readGray(s.brainImage()),
                            s.boneImage() == null ? null : ImageDecoder.readGray(s.boneImage()), s.sliceNumber()));
                    kept.add(s);
                } catch (DataException e) {
                    problems.report(e.toProblem());
                }
            }
            if (inputs.isEmpty()) continue;
            List<SlicePrediction> out;
            try {
                out = predictor.predict(inputs, d -> { });
            } catch (DataException e) {
                // e.g. a slice without a head to frame, or without the bone window the model needs: this patient is skipped
                problems.report(e.toProblem());
                continue;
            }
            for (int i = 0; i < out.size(); i++) {
                CtSlice s = kept.get(i);
                ids.add(s.id());
                patients.add(s.patient());
                truth.add(s.label().ordinal());
                out.get(i).models().forEach((model, p) -> probs.computeIfAbsent(model, m -> new ArrayList<>()).add(p));
                probs.computeIfAbsent(predictor.combiner().modelName(), m -> new ArrayList<>()).add(out.get(i).probabilities());
                seen.add(s);
            }
        }
        progress.accept(done);
        if (ids.isEmpty()) throw new DataException(data.root(), "no slice could be read");
        LinkedHashMap<String, float[][]> table = new LinkedHashMap<>();
        probs.forEach((model, rows) -> table.put(model, rows.toArray(new float[0][])));
        Predictions test = new Predictions(ids, patients, truth.stream().mapToInt(Integer::intValue).toArray(), table);

        Map<String, Double> levelById = SliceLevels.byId(seen);
        List<ModelResult> results = new ArrayList<>();
        for (String model : table.keySet()) {
            results.add(argmaxResult(model, model, test, bootstrapReps, levelById));
        }
        CtDataset scored = data.keeping(seen);
        results.addAll(PerSourceResults.of(scored, test,
                (row, model, part) -> argmaxResult(row, model, part, bootstrapReps, levelById)));
        List<String> allNotes = new ArrayList<>(LabelNotes.of(scored));
        allNotes.addAll(notes);
        problems.problems().forEach(p -> allNotes.add("skipped: " + p));
        Map<String, SplitCounts> splits = Map.of("test", new SplitCounts(seen.size(), (int) seen.stream().map(CtSlice::patient).distinct().count()));
        String scoredOn = String.join(" + ", data.sources().stream().map(s -> s.root().getFileName().toString()).toList());
        RunSummary summary = new RunSummary("ichnet test: " + predictor.directory().getFileName() + " on " + scoredOn,
                LocalDate.now().toString(), Machine.describe(), RunSummary.PATIENT_PROTOCOL, false,
                RunEvaluation.datasetSummary(scored), splits, settingsTable(predictor, data, bootstrapReps), results,
                null, Map.of(), Map.of(), Map.of(), allNotes);
        // written once everything is scored, so a failure leaves no predictions without their metrics
        PredictionsCsv.write(outDir.resolve(PREDICTIONS), test);
        MetricsJson.write(outDir.resolve("metrics.json"), summary);
        HtmlReport.write(outDir, summary);
        return summary;
    }

    private static ModelResult argmaxResult(String row, String model, Predictions test, int reps,
                                            Map<String, Double> levelById) {
        RunEvaluation.TestScoring scoring = new RunEvaluation.TestScoring(test, false,
                new Bootstrap(reps, Bootstrap.DEFAULT_SEED),
                test.sliceIds().stream().mapToDouble(levelById::get).toArray());
        return scoring.result(row, test.of(model), PatientDecisions.byArgmax(test.truth(), test.of(model), test.patients()));
    }

    private static Map<String, String> settingsTable(EnsemblePredictor predictor, CtDataset data, int reps) {
        Map<String, String> m = new LinkedHashMap<>();
        var pre = predictor.manifest().preprocessing();
        m.put("protocol", "held-out test: every slice of the data, no training (the model never saw it)");
        m.put("model", predictor.directory().toAbsolutePath().normalize().toString());
        m.put("trained on", String.valueOf(predictor.manifest().provenance().get("trainedOn")));
        Object members = predictor.manifest().provenance().get("members");
        if (members != null) m.put("members", members.toString());
        m.put("image size", pre.imageSize() + "x" + pre.imageSize() + " (area resize)");
        m.put("channels", pre.channels());
        m.put("framing", pre.framing());
        m.put("ensemble", predictor.combiner().modelName() + " " + java.util.Arrays.toString(predictor.weights()));
        for (var source : data.sources()) {
            m.put(data.sources().size() == 1 ? "data" : "data: " + source.name(),
                    source.root().toAbsolutePath().normalize() + " (" + source.layout() + ")");
        }
        m.put("patient decision", "hemorrhage when any slice's argmax is a hemorrhage class (no validation data to choose a threshold)");
        m.put("bootstrap", reps + " resamples of patients");
        return m;
    }
}
