package org.ichnet.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.clinical.Scan;
import org.ichnet.clinical.ScanInputs;
import org.ichnet.data.DataException;
import org.ichnet.data.DataProblem;
import org.ichnet.model.RuntimeOptions;
import org.ichnet.predict.EnsemblePredictor;
import org.ichnet.predict.PredictionOutput;
import org.ichnet.predict.ScanPrediction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The served models, each loaded once and shared by every request ({@link EnsemblePredictor} is safe for
 * concurrent use: TensorFlow sessions are, and it keeps no state between calls). The one place where the
 * service meets the prediction code: it reads inputs as {@code predict} does ({@link ScanInputs}), predicts
 * with the same {@link EnsemblePredictor}, and answers with the same JSON ({@link PredictionOutput}), so a
 * response is {@code predict --json} on the same file, with the client's names in place of paths.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final String MODEL_CARD = "MODEL_CARD.md";

    private final Map<String, Served> byName;
    private final ModelChoice automatic;

    private record Served(Path given, EnsemblePredictor predictor, String modelCard) {
    }

    private ModelRegistry(Map<String, Served> byName, ModelChoice automatic) {
        this.byName = byName;
        this.automatic = automatic;
    }

    /** Loads every folder; each is served under its folder name, which must be unique. */
    public static ModelRegistry load(List<Path> folders, ModelChoice automatic) {
        if (folders.isEmpty()) throw new IllegalArgumentException("no model to serve");
        Map<String, Served> byName = new LinkedHashMap<>();
        try {
            for (Path folder : folders) {
                String name = folder.toAbsolutePath().normalize().getFileName().toString();
                if (byName.containsKey(name)) throw new DataException(folder, "a second model named '" + name + "'; give folders different names");
                EnsemblePredictor predictor = EnsemblePredictor.load(folder, RuntimeOptions.defaults());
                byName.put(name, new Served(folder.toAbsolutePath().normalize(), predictor, modelCard(predictor.directory())));
            }
        } catch (RuntimeException e) {
            byName.values().forEach(s -> s.predictor().close());
            throw e;
        }
        return new ModelRegistry(byName, automatic);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Name, classes, input, ensemble weights and the model card (null when the folder has none). */
    public ObjectNode describe(String name) {
        Served served = served(name);
        EnsemblePredictor p = served.predictor();
        ObjectNode node = PredictionOutput.mapper().createObjectNode();
        node.put("name", name);
        node.put("path", p.directory().toAbsolutePath().normalize().toString());
        ArrayNode classes = node.putArray("classes");
        p.manifest().classes().forEach(classes::add);
        ObjectNode input = node.putObject("input");
        input.put("imageSize", p.input().size());
        input.put("channels", p.manifest().preprocessing().channels());
        node.put("combiner", p.combiner().modelName());
        ObjectNode weights = node.putObject("weights");
        double[] w = p.weights();
        for (int m = 0; m < w.length; m++) weights.put(p.modelNames().get(m), w[m]);
        node.set("provenance", PredictionOutput.mapper().valueToTree(p.manifest().provenance()));
        node.put("modelCard", served.modelCard());
        return node;
    }

    /**
     * {@code predict --json} for the staged upload, by the named model or (null) the automatic choice;
     * with {@code gradCam}, flagged slices carry their overlay and brain window as PNG data URLs.
     *
     * @throws ApiError 400 when nothing could be read or the model refuses the input, 404 for an unknown model
     */
    public ObjectNode predict(String name, StagedUpload upload, boolean gradCam) {
        if (name != null) served(name);
        List<Scan> collected = ScanInputs.collect(List.of(upload.input()), false).stream().map(upload::shown).toList();
        List<Scan> scans = collected.stream().filter(s -> !s.slices().isEmpty()).toList();
        List<DataProblem> unreadable = collected.stream().filter(s -> s.slices().isEmpty()).flatMap(s -> s.problems().stream()).toList();
        if (scans.isEmpty()) {
            throw ApiError.badRequest(unreadable.isEmpty() ? "no slice in the upload" : unreadable.get(unreadable.size() - 1).toString());
        }
        EnsemblePredictor predictor = (name != null ? served(name) : chosen(scans)).predictor();
        try {
            List<ScanPrediction> predictions = new ArrayList<>();
            for (Scan scan : scans) predictions.add(predictor.predict(scan));
            ObjectNode root = PredictionOutput.json(predictor, predictions, null, unreadable);
            if (gradCam) FlaggedGradCams.add(root, predictor, scans, predictions);
            return root;
        } catch (DataException e) {
            throw ApiError.badRequest(upload.shown(e.getMessage()));
        }
    }

    private Served chosen(List<Scan> scans) {
        Path folder = automatic.choose(scans).toAbsolutePath().normalize();
        return byName.values().stream().filter(s -> s.given().equals(folder)).findFirst()
                .orElseGet(() -> byName.values().iterator().next());
    }

    private Served served(String name) {
        Served served = byName.get(name);
        if (served == null) throw ApiError.notFound("no model '" + UploadName.printable(name) + "'; served: " + names());
        return served;
    }

    private static String modelCard(Path folder) {
        Path card = folder.resolve(MODEL_CARD);
        try {
            return Files.isRegularFile(card) ? Files.readString(card) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        byName.values().forEach(s -> s.predictor().close());
    }
}
