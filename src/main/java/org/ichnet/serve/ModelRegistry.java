package org.ichnet.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.api.Ichnet;
import org.ichnet.api.IchnetException;
import org.ichnet.api.ModelInfo;
import org.ichnet.api.Predictions;
import org.ichnet.cli.PredictionOutput;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The served models, each loaded once as an {@link Ichnet} (thread-safe) and shared by every request: the one
 * place where the service meets the prediction code. It predicts through {@code org.ichnet.api} as
 * {@code ichnet predict} does and answers with the same JSON ({@link PredictionOutput}), so a response is
 * {@code predict --json} on the same file, with the client's names in place of the staged paths.
 *
 * <p>A request that names no model gets, when several are served, a brain+bone model for Hounsfield-unit
 * uploads (DICOM, a DICOM series zip, NIfTI), a brain-window one for PNG/JPG, else the first. By default only
 * the shipped {@code models/ich-wa2d} is served, so every request gets it, as {@code predict} without
 * {@code --model} does.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Served> byName;

    private record Served(Ichnet model, ModelInfo info, String modelCard) {
    }

    private ModelRegistry(Map<String, Served> byName) {
        this.byName = byName;
    }

    /** Loads every folder; each is served under its folder name, which must be unique. */
    public static ModelRegistry load(List<Path> folders) throws IchnetException {
        if (folders.isEmpty()) throw new IllegalArgumentException("no model to serve");
        Map<String, Served> byName = new LinkedHashMap<>();
        try {
            for (Path folder : folders) {
                String name = folder.toAbsolutePath().normalize().getFileName().toString();
                if (byName.containsKey(name)) throw new IllegalArgumentException(folder + ": a second model named '" + name + "'; give folders different names");
                Ichnet model = Ichnet.load(folder);
                ModelInfo info = model.model();
                byName.put(name, new Served(model, info, info.modelCard()));
            }
        } catch (IchnetException | RuntimeException e) {
            byName.values().forEach(s -> s.model().close());
            throw e;
        }
        return new ModelRegistry(byName);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Name, classes, input, ensemble weights and the model card (null when the folder has none). */
    public ObjectNode describe(String name) {
        ModelInfo info = served(name).info();
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("path", info.folder().toString());
        ArrayNode classes = node.putArray("classes");
        info.classes().forEach(c -> classes.add(c.name()));
        ObjectNode input = node.putObject("input");
        input.put("imageSize", info.imageSize());
        input.put("channels", info.channels());
        node.put("combiner", info.combiner());
        ObjectNode weights = node.putObject("weights");
        info.weights().forEach(weights::put);
        node.put("modelCard", served(name).modelCard());
        return node;
    }

    /**
     * {@code predict --json} for the staged upload, by the named model or (null) the automatic choice;
     * with {@code gradCam}, flagged slices carry their overlay and brain window as PNG data URLs.
     *
     * @throws ApiError 400 when nothing could be read or the model refuses the input, 404 for an unknown model
     */
    public ObjectNode predict(String name, StagedUpload upload, boolean gradCam) {
        Served served = name != null ? served(name) : chosen(upload.hounsfield());
        Predictions predictions;
        try {
            predictions = served.model().predict(List.of(upload.input()));
        } catch (IchnetException e) {
            throw ApiError.badRequest(upload.shown(e.getMessage()));
        }
        ObjectNode root = PredictionOutput.json(predictions, null);
        if (gradCam) FlaggedGradCams.add(root, predictions, upload);
        shown(root, upload);
        for (JsonNode scan : root.get("scans")) ((ObjectNode) scan).put("name", upload.shownScanName(scan.get("name").asText()));
        return root;
    }

    /** Every staged path in the tree's strings replaced by the client's name for it. */
    private static void shown(JsonNode node, StagedUpload upload) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) e.setValue(JSON.getNodeFactory().textNode(upload.shown(e.getValue().asText())));
                else shown(e.getValue(), upload);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) array.set(i, JSON.getNodeFactory().textNode(upload.shown(array.get(i).asText())));
                else shown(array.get(i), upload);
            }
        }
    }

    private Served chosen(boolean hounsfield) {
        String wanted = hounsfield ? "brain+bone" : "brain";
        return byName.values().stream().filter(s -> s.info().channels().equals(wanted)).findFirst()
                .orElseGet(() -> byName.values().iterator().next());
    }

    private Served served(String name) {
        Served served = byName.get(name);
        if (served == null) throw ApiError.notFound("no model '" + UploadName.printable(name) + "'; served: " + names());
        return served;
    }

    @Override
    public void close() {
        byName.values().forEach(s -> s.model().close());
    }
}
