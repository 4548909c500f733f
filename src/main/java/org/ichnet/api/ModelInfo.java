package org.ichnet.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded ensemble: what it takes, how it combines its members, and its model card.
 *
 * @param folder         the model folder ({@code ensemble.json} beside the members' SavedModels), absolute
 * @param format         the manifest's format and version, e.g. {@code ichnet-ensemble/1}
 * @param classes        the classes of every probability, in order
 * @param imageSize      side of the square image each slice is resized to
 * @param channels       {@code brain}, {@code brain+bone} or {@code brain+neighbours}
 * @param framing        {@code whole-slice} or {@code head} (cropped to the head first)
 * @param mirrorAveraged each slice is also run mirrored and the two averaged
 * @param combiner       how member probabilities are combined, e.g. {@code weightedAverage}
 * @param weights        each member's weight, by member name in manifest order, normalised to sum 1
 * @param provenance     how the ensemble was trained (data, protocol, date, ...), as the manifest says
 * @param modelCard      the folder's {@code MODEL_CARD.md} text, or empty when it has none
 */
public record ModelInfo(Path folder, String format, List<SliceClass> classes, int imageSize, String channels,
                        String framing, boolean mirrorAveraged, String combiner, Map<String, Double> weights,
                        Map<String, Object> provenance, String modelCard) {
    /** Copies the lists and maps, keeping their order. */
    public ModelInfo {
        classes = List.copyOf(classes);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** The member names, in manifest order. */
    public List<String> members() {
        return List.copyOf(weights.keySet());
    }
}
