package org.ichnet.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.api.ModelInfo;
import org.ichnet.api.Problem;
import org.ichnet.api.ScanResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code predict}'s JSON ({@link PredictionOutput#json}) written one scan at a time, character for character as
 * {@link PredictionOutput#toString} prints the whole tree: the model, then each scan as it is predicted, then the
 * problems (they follow the scans in the JSON), so nothing of a scan is kept once it is written.
 */
final class PredictionJsonStream {
    private final JsonGenerator json;

    /** Starts the object with the model and opens {@code scans}. */
    PredictionJsonStream(Writer out, ModelInfo model) {
        try {
            json = PredictionOutput.mapper().writer().createGenerator(out);
            json.writeStartObject();
            json.writeFieldName("model");
            write(PredictionOutput.model(model));
            json.writeFieldName("scans");
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One scan; {@code gradcamFiles}: the Grad-CAM PNG of each slice, or null for none. */
    void scan(ScanResult scan, List<Path> gradcamFiles) {
        write(PredictionOutput.scan(scan, gradcamFiles));
    }

    /** Closes {@code scans}, writes the problems and, when there is one, the Grad-CAM agreement, and ends the object (no line end). */
    void finish(List<Problem> problems, ObjectNode gradcamAgreement) {
        try {
            json.writeEndArray();
            json.writeFieldName("problems");
            json.writeStartArray();
            for (Problem p : problems) write(PredictionOutput.problem(p));
            json.writeEndArray();
            if (gradcamAgreement != null) {
                json.writeFieldName("gradcamAgreement");
                write(gradcamAgreement);
            }
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(JsonNode node) {
        try {
            PredictionOutput.mapper().writeTree(json, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
