package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.HemorrhageFlags;
import org.ichnet.data.Sources;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.PatientDecision;
import org.ichnet.evaluate.Predictions;
import org.ichnet.model.PaperModels;
import org.ichnet.report.ModelResult;
import org.ichnet.report.RunSummary;
import org.ichnet.split.Role;
import org.ichnet.split.Split;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The run evaluation of reproduce and cv: per-source rows on two sources, none on one. */
class PerSourceResultsTest {
    static final ExperimentSettings SETTINGS = ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.PAPER).quick();
    static final List<String> MODELS = Predictions.MODEL_NAMES;

    @Test
    void twoSourcesAddEveryModelPerSourceAfterThePooledRows() {
        CtDataset data = Sources.combine(List.of(source("a", CtDataset.LAYOUT_CT_ICH, 8), source("b", CtDataset.LAYOUT_PHE_SICH, 6)));
        RunSummary run = summarise(data);

        List<String> names = run.models().stream().map(ModelResult::name).toList();
        List<String> expected = new ArrayList<>(MODELS);
        for (String source : List.of("ct-ich", "phe-sich")) MODELS.forEach(m -> expected.add(m + " [" + source + "]"));
        assertEquals(expected, names);

        Predictions test = predictions(data, 2);
        for (String source : List.of("ct-ich", "phe-sich")) {
            Predictions part = test.rows(i -> test.patients().get(i).startsWith(source + ":"));
            ModelResult row = run.model("model2 [" + source + "]").orElseThrow();
            assertEquals(Metrics.compute(part.truth(), part.of("model2")).macroF1(), row.metrics().macroF1(), 1e-12);
            assertEquals(part.size(), row.metrics().samples());
        }
        for (String model : MODELS) {
            PatientDecision pooled = run.model(model).orElseThrow().patientDecision();
            PatientDecision a = run.model(model + " [ct-ich]").orElseThrow().patientDecision();
            PatientDecision b = run.model(model + " [phe-sich]").orElseThrow().patientDecision();
            assertEquals(pooled.truePositives(), a.truePositives() + b.truePositives(), model);
            assertEquals(pooled.falsePositives(), a.falsePositives() + b.falsePositives(), model);
            assertEquals(4, a.patients(), "half of ct-ich's 8 patients are test patients");
            assertEquals(1, a.hemorrhagePatients());
            assertTrue(Double.isFinite(a.threshold()), "decided at the validation threshold, as the pooled row");
            assertEquals(pooled.threshold(), a.threshold());
        }
    }

    @Test
    void oneSourceHasOnlyThePooledRows() {
        RunSummary run = summarise(source("a", CtDataset.LAYOUT_CT_ICH, 8));
        assertEquals(MODELS, run.models().stream().map(ModelResult::name).toList());
        assertTrue(run.perSource().isEmpty());
    }

    private static RunSummary summarise(CtDataset data) {
        Map<String, Role> roles = new LinkedHashMap<>();
        List<String> patients = data.patients();
        data.slices().forEach(s -> roles.put(s.id(), patients.indexOf(s.patient()) % 2 == 0 ? Role.VAL : Role.TEST));
        return RunEvaluation.summarise("t", data, new Split("patient", 1, false, roles), SETTINGS,
                ValidationFits.of(predictions(data, 1), predictions(data, 2)), predictions(data, 2),
                new RunEvaluation.EnsembleSummaryInput(null, null), List.of(), List.of());
    }

    /** Noisy scores of the slices of every second patient: role 1 (validation) the first, 2 (test) the second. */
    private static Predictions predictions(CtDataset data, int role) {
        List<String> patients = data.patients(), ids = new ArrayList<>(), of = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (CtSlice s : data.slices()) {
            if (patients.indexOf(s.patient()) % 2 != role - 1) continue;
            ids.add(s.id());
            of.add(s.patient());
            truth.add(s.label().ordinal());
        }
        Random random = new Random(role);
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        for (String model : MODELS) {
            float[][] p = new float[ids.size()][];
            for (int i = 0; i < p.length; i++) {
                float h = (float) (truth.get(i) == 0 ? random.nextDouble() * 0.6 : 0.4 + random.nextDouble() * 0.6);
                p[i] = new float[]{1 - h, h, 0, 0};
            }
            probs.put(model, p);
        }
        return new Predictions(ids, of, truth.stream().mapToInt(Integer::intValue).toArray(), probs);
    }

    /** Four slices per patient; every third patient has ICH on slice 2. */
    private static CtDataset source(String folder, String layout, int patients) {
        List<CtSlice> slices = new ArrayList<>();
        for (int p = 1; p <= patients; p++) {
            for (int s = 0; s < 4; s++) {
                boolean ich = p % 3 == 0 && s == 2;
                slices.add(new CtSlice(Integer.toString(p), s, ich ? HemorrhageClass.ICH : HemorrhageClass.NORMAL,
                        HemorrhageFlags.NONE, Path.of(folder, p + "_" + s + ".png"), null, null));
            }
        }
        return new CtDataset(Path.of(folder), layout, slices, List.of());
    }
}
