package org.ichnet.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.api.Ichnet;
import org.ichnet.api.Predictions;
import org.ichnet.api.Problem;
import org.ichnet.api.ScanResult;
import org.ichnet.predict.UntrainedEnsemble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The streamed JSON and CSV of {@code predict} are, character for character, what the whole-tree writers make. */
class PredictionJsonStreamTest {
    @TempDir
    static Path tmp;
    static Ichnet model;
    static Predictions predictions;

    @BeforeAll
    static void predict() throws Exception {
        model = Ichnet.load(UntrainedEnsemble.write(tmp.resolve("model"), 64, 1, new double[]{0.2, 0.5, 0.3}));
        Path patient = BundledSample.locate().resolve("Patients_CT/071");
        Path bad = Files.writeString(tmp.resolve("bad, \"quoted\".png"), "not a png");
        predictions = model.predict(List.of(patient, bad, Path.of("sample/ct-ich-dicom"), tmp.resolve("missing.jpg")));
        assertTrue(predictions.scans().size() >= 3 && predictions.problems().size() == 2, predictions.toString());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void jsonStreamedScanByScanIsTheTreePrinted() {
        assertEquals(PredictionOutput.toString(PredictionOutput.json(predictions, null)), streamed(null, null));
    }

    @Test
    void withGradCamFilesAndAgreementToo() {
        List<List<Path>> pngs = new ArrayList<>();
        for (ScanResult scan : predictions.scans()) {
            pngs.add(scan.slices().stream().map(s -> tmp.resolve("cams").resolve(Path.of(s.label()).getFileName() + ".png")).toList());
        }
        ObjectNode agreement = JsonNodeFactory.instance.objectNode().put("maskDir", "m");
        agreement.putArray("slices").addObject().put("ratio", 2.5).putNull("nan");
        ObjectNode tree = PredictionOutput.json(predictions, pngs);
        tree.set("gradcamAgreement", agreement);
        assertEquals(PredictionOutput.toString(tree), streamed(pngs, agreement));
    }

    @Test
    void noProblemsIsAnEmptyArrayAsInTheTree() {
        Predictions clean = new Predictions(predictions.model(), predictions.scans(), List.of());
        StringWriter out = new StringWriter();
        PredictionJsonStream json = new PredictionJsonStream(out, clean.model());
        clean.scans().forEach(s -> json.scan(s, null));
        json.finish(List.of(), null);
        assertEquals(PredictionOutput.toString(PredictionOutput.json(clean, null)), out.toString());
    }

    @Test
    void csvStreamedScanByScanIsTheWholeText() throws Exception {
        Path csv = tmp.resolve("out/p.csv");
        List<String> members = predictions.model().members();
        try (PredictionCsvStream stream = new PredictionCsvStream(csv, members)) {
            predictions.scans().forEach(stream::scan);
            assertFalse(Files.exists(csv), "the file appears whole, when committed");
            stream.commit();
        }
        assertEquals(PredictionOutput.csv(members, predictions.scans()), Files.readString(csv));
    }

    @Test
    void anUncommittedCsvLeavesNoFile() {
        Path csv = tmp.resolve("out/never.csv");
        try (PredictionCsvStream stream = new PredictionCsvStream(csv, predictions.model().members())) {
            stream.scan(predictions.scans().get(0));
        }
        assertFalse(Files.exists(csv));
        assertEquals(List.of(), leftovers(csv.getParent()));
    }

    private static List<String> leftovers(Path folder) {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String streamed(List<List<Path>> pngs, ObjectNode agreement) {
        StringWriter out = new StringWriter();
        PredictionJsonStream json = new PredictionJsonStream(out, predictions.model());
        for (int s = 0; s < predictions.scans().size(); s++) json.scan(predictions.scans().get(s), pngs == null ? null : pngs.get(s));
        List<Problem> problems = predictions.problems();
        json.finish(problems, agreement);
        return out.toString();
    }
}
