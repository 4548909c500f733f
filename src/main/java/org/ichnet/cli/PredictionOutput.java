package org.ichnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.api.ModelInfo;
import org.ichnet.api.PredictionCsv;
import org.ichnet.api.Predictions;
import org.ichnet.api.Problem;
import org.ichnet.api.ScanResult;
import org.ichnet.api.SliceClass;
import org.ichnet.api.SliceResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ichnet predict}'s outputs: one JSON object, and a CSV with one row per slice.
 *
 * <pre>{"model": {"path", "combiner", "weights": {"model1": w, ..}, "imageSize", "channels"},
 *  "scans": [{"name", "source", "anyHemorrhage", "types": [..], "hemorrhageSlices": [..],
 *             "maxProbability": {"NORMAL": p, ..},
 *             "slices": [{"label", "predicted", "probabilities": {..}, "models": {"model1": {..}, ..}, "gradcam"?}]}],
 *  "problems": [{"file", "problem"}]}</pre>
 * Written from the library's results, so the command line says what {@link org.ichnet.api} returns.
 */
public final class PredictionOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictionOutput() {
    }

    /** @param gradcamFiles per scan, per slice, the Grad-CAM PNG written (a null list for none) */
    public static ObjectNode json(Predictions predictions, List<List<Path>> gradcamFiles) {
        ObjectNode root = JSON.createObjectNode();
        root.set("model", model(predictions.model()));
        ArrayNode scanArray = root.putArray("scans");
        ArrayNode problems = root.putArray("problems");
        predictions.problems().forEach(p -> problems.add(problem(p)));
        for (int s = 0; s < predictions.scans().size(); s++) {
            scanArray.add(scan(predictions.scans().get(s), gradcamFiles == null ? null : gradcamFiles.get(s)));
        }
        return root;
    }

    /** The {@code model} object. */
    static ObjectNode model(ModelInfo info) {
        ObjectNode model = JSON.createObjectNode();
        model.put("path", info.folder().toString());
        model.put("combiner", info.combiner());
        ObjectNode weights = model.putObject("weights");
        info.weights().forEach(weights::put);
        model.put("imageSize", info.imageSize());
        model.put("channels", info.channels());
        return model;
    }

    /** One element of {@code scans}; {@code gradcamFiles}: the Grad-CAM PNG of each slice, or null for none. */
    static ObjectNode scan(ScanResult scan, List<Path> gradcamFiles) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", scan.name());
        node.put("source", scan.source().toString());
        node.put("anyHemorrhage", scan.anyHemorrhage());
        ArrayNode types = node.putArray("types");
        scan.types().forEach(t -> types.add(t.name()));
        ArrayNode hemorrhageSlices = node.putArray("hemorrhageSlices");
        scan.slices().stream().filter(p -> p.predicted() != SliceClass.NORMAL).forEach(p -> hemorrhageSlices.add(p.label()));
        probabilities(node.putObject("maxProbability"), scan.maxProbability());
        ArrayNode slices = node.putArray("slices");
        for (int i = 0; i < scan.slices().size(); i++) {
            SliceResult p = scan.slices().get(i);
            ObjectNode slice = slices.addObject();
            slice.put("label", p.label());
            slice.put("predicted", p.predicted().name());
            probabilities(slice.putObject("probabilities"), p.probabilities());
            ObjectNode models = slice.putObject("models");
            p.members().forEach((name, m) -> probabilities(models.putObject(name), m));
            if (gradcamFiles != null) slice.put("gradcam", gradcamFiles.get(i).toString());
        }
        return node;
    }

    /** One element of {@code problems}. */
    static ObjectNode problem(Problem p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", String.valueOf(p.file()));
        node.put("problem", p.problem());
        return node;
    }

    public static String toString(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void probabilities(ObjectNode node, Map<SliceClass, Float> p) {
        p.forEach((c, v) -> node.put(c.name(), v));
    }

    /** {@link PredictionCsv}: the header, then one row per slice. */
    static String csv(List<String> modelNames, List<ScanResult> scans) {
        StringBuilder out = new StringBuilder(PredictionCsv.header(modelNames)).append('\n');
        for (ScanResult scan : scans) out.append(csvRows(modelNames, scan));
        return out.toString();
    }

    /** A scan's CSV rows, each ended by a line feed. */
    static String csvRows(List<String> modelNames, ScanResult scan) {
        StringBuilder out = new StringBuilder();
        for (SliceResult p : scan.slices()) out.append(PredictionCsv.row(p, modelNames)).append('\n');
        return out.toString();
    }

    /** The JSON writer, pretty-printed: what {@link #toString(ObjectNode)} prints, also for the streamed output. */
    static ObjectMapper mapper() {
        return JSON;
    }
}
