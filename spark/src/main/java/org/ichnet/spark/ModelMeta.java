package org.ichnet.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ichnet.data.DataException;
import org.ichnet.predict.ShippedModels;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the driver needs of the model: its member names, the slice table's {@code MEMBER_p_CLASS} columns. Read from
 * the model folder's {@code ensemble.json} (any Hadoop path) without loading TensorFlow: only the executors load
 * the model ({@link ModelHolder}). The checks are the cheap ones of {@code Ichnet.load} (a manifest of the known
 * format, plain member names, a {@code saved_model.pb} per member), so a wrong {@code --model} is one line and exit 2
 * before any task runs; a SavedModel that cannot be loaded shows up as every scan's {@code error}.
 *
 * @param folder  the model folder (the given folder, or its {@code models/} for a run folder), qualified
 * @param members the member names in manifest order
 */
record ModelMeta(Path folder, List<String> members) {
    static final String MANIFEST = "ensemble.json", FORMAT = "ichnet-ensemble/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    ModelMeta {
        members = List.copyOf(members);
    }

    /** @throws BadInputException when {@code spec} is not a model folder (or no shipped model is installed) */
    static ModelMeta read(String spec, Configuration conf) throws IOException {
        Path given = spec.equals(ModelHolder.SHIPPED) ? new Path(shippedFolder().toUri()) : new Path(spec);
        FileSystem fs = given.getFileSystem(conf);
        Path folder = fs.makeQualified(given);
        if (!fs.isFile(new Path(folder, MANIFEST)) && fs.isFile(new Path(new Path(folder, "models"), MANIFEST))) {
            folder = new Path(folder, "models");
        }
        Path manifest = new Path(folder, MANIFEST);
        if (!fs.isFile(manifest)) {
            throw new BadInputException(spec + ": not an ichnet model folder (no " + MANIFEST + " here or in models/)");
        }
        JsonNode json;
        try (FSDataInputStream in = fs.open(manifest)) {
            json = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new BadInputException(Paths.display(manifest) + ": unreadable ensemble manifest ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        String shown = Paths.display(manifest);
        if (json == null || !FORMAT.equals(json.path("format").asText(null))) {
            throw new BadInputException(shown + ": unknown format '" + (json == null ? null : json.path("format").asText(null))
                    + "', expected " + FORMAT);
        }
        List<String> members = new ArrayList<>();
        for (JsonNode m : json.path("models")) {
            String name = m.asText("");
            if (!m.isTextual() || name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/")
                    || name.contains("\\") || name.indexOf('\0') >= 0) {
                throw new BadInputException(shown + ": model name '" + name + "' is not a plain folder name beside " + MANIFEST);
            }
            if (!fs.isFile(new Path(new Path(folder, name), "saved_model.pb"))) {
                throw new BadInputException(Paths.display(new Path(folder, name)) + ": not a SavedModel (no saved_model.pb)");
            }
            members.add(name);
        }
        if (members.isEmpty()) throw new BadInputException(shown + ": lists no models");
        return new ModelMeta(folder, members);
    }

    private static java.nio.file.Path shippedFolder() {
        try {
            return ShippedModels.folderFor(List.of()).toAbsolutePath();
        } catch (DataException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
