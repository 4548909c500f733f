package org.ichnet.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.data.DataProblem;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ichnet predict}'s outputs: one JSON object, and a CSV with one row per slice.
 *
 * <pre>{"model": {"path", "combiner", "weights": {"model1": w, ..}, "imageSize", "channels"},
 *  "scans": [{"name", "source", "anyHemorrhage", "types": [..], "hemorrhageSlices": [..],
 *             "maxProbability": {"NORMAL": p, ..},
 *             "slices": [{"label", "predicted", "probabilities": {..}, "models": {"model1": {..}, ..}, "gradcam"?}]}],
 *  "problems": [{"file", "problem"}]}</pre>
 */
public final class PredictionOutput {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictionOutput() {
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * @param gradcamFiles per scan, per slice, the Grad-CAM PNG written (null entries, or a null list, for none)
     * @param unreadable   problems of inputs that gave no scan at all (listed before the scans' own)
     */
    public static ObjectNode json(EnsemblePredictor predictor, List<ScanPrediction> scans, List<List<Path>> gradcamFiles,
                                  List<DataProblem> unreadable) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode model = root.putObject("model");
        model.put("path", predictor.directory().toAbsolutePath().normalize().toString());
        model.put("combiner", predictor.combiner().modelName());
        ObjectNode weights = model.putObject("weights");
        double[] w = predictor.weights();
        for (int m = 0; m < w.length; m++) weights.put(predictor.modelNames().get(m), w[m]);
        model.put("imageSize", predictor.input().size());
        model.put("channels", predictor.manifest().preprocessing().channels());
        ArrayNode scanArray = root.putArray("scans");
        ArrayNode problems = root.putArray("problems");
        unreadable.forEach(p -> problem(problems, p));
        for (int s = 0; s < scans.size(); s++) {
            ScanPrediction scan = scans.get(s);
            ObjectNode node = scanArray.addObject();
            node.put("name", scan.name());
            node.put("source", scan.source().toString());
            node.put("anyHemorrhage", scan.anyHemorrhage());
            ArrayNode types = node.putArray("types");
            scan.types().forEach(t -> types.add(t.name()));
            ArrayNode hemorrhageSlices = node.putArray("hemorrhageSlices");
            scan.hemorrhageSlices().forEach(hemorrhageSlices::add);
            probabilities(node.putObject("maxProbability"), scan.maxProbability());
            ArrayNode slices = node.putArray("slices");
            for (int i = 0; i < scan.slices().size(); i++) {
                SlicePrediction p = scan.slices().get(i);
                ObjectNode slice = slices.addObject();
                slice.put("label", p.label());
                slice.put("predicted", p.predicted().name());
                probabilities(slice.putObject("probabilities"), p.probabilities());
                ObjectNode models = slice.putObject("models");
                for (Map.Entry<String, float[]> e : p.models().entrySet()) probabilities(models.putObject(e.getKey()), e.getValue());
                Path png = gradcamFiles == null ? null : gradcamFiles.get(s).get(i);
                if (png != null) slice.put("gradcam", png.toString());
            }
            scan.problems().forEach(p -> problem(problems, p));
        }
        return root;
    }

    private static void problem(ArrayNode problems, DataProblem p) {
        ObjectNode node = problems.addObject();
        node.put("file", String.valueOf(p.file()));
        node.put("problem", p.problem());
    }

    public static String toString(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void probabilities(ObjectNode node, float[] p) {
        for (HemorrhageClass c : HemorrhageClass.values()) node.put(c.name(), p[c.ordinal()]);
    }

    /** Header: path, the ensemble's p_CLASS and predicted, then {@code model_p_CLASS} per model. */
    public static String csv(List<String> modelNames, List<ScanPrediction> scans) {
        StringBuilder out = new StringBuilder("path");
        for (HemorrhageClass c : HemorrhageClass.values()) out.append(",p_").append(c.name());
        out.append(",predicted");
        for (String m : modelNames) {
            for (HemorrhageClass c : HemorrhageClass.values()) out.append(',').append(m).append("_p_").append(c.name());
        }
        out.append('\n');
        for (ScanPrediction scan : scans) {
            for (SlicePrediction p : scan.slices()) {
                out.append(quote(p.label()));
                for (float v : p.probabilities()) out.append(',').append(number(v));
                out.append(',').append(p.predicted().name());
                for (String m : modelNames) {
                    for (float v : p.models().get(m)) out.append(',').append(number(v));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static void writeCsv(Path file, List<String> modelNames, List<ScanPrediction> scans) {
        String text = csv(modelNames, scans);
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String number(float v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
