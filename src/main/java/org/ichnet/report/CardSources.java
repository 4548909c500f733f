package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.data.HemorrhageClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a model card says about the data a run read: each source with its attribution, counts and caveats. */
final class CardSources {
    static final String CT_ICH = "ct-ich", PHE_SICH = "phe-sich";

    private CardSources() {
    }

    /** Source name to its summary node; a one-source run is one entry named after its layout. */
    static Map<String, JsonNode> of(JsonNode dataset) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (dataset.path("sources").isObject() && !dataset.path("sources").isEmpty()) {
            dataset.path("sources").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        } else {
            out.put(dataset.path("layout").asText("data"), dataset);
        }
        return out;
    }

    static boolean has(JsonNode dataset, String layout) {
        return of(dataset).values().stream().anyMatch(s -> layout.equals(s.path("layout").asText()));
    }

    /** The "## Data" paragraph's lines: one per source. */
    static void describe(StringBuilder md, JsonNode dataset) {
        Map<String, JsonNode> sources = of(dataset);
        if (sources.size() > 1) {
            md.append(sources.size()).append(" sources, ").append(dataset.path("patients").asInt()).append(" patients, ")
                    .append(dataset.path("slices").asInt()).append(" slices, each source's patients kept apart ")
                    .append("(ids `source:patient`) and every split stratified by source:\n\n");
        }
        for (JsonNode s : sources.values()) {
            md.append(sources.size() > 1 ? "- " : "").append("`")
                    .append(Path.of(s.path("root").asText("?")).getFileName()).append("`").append(attribution(s.path("layout").asText()))
                    .append(": ").append(s.path("patients").asInt()).append(" patients, ").append(s.path("slices").asInt())
                    .append(" slices (").append(counts(s.path("classCounts"))).append(")")
                    .append(sources.size() > 1 ? ".\n" : ".\n\n");
        }
        if (sources.size() > 1) md.append("\n");
    }

    private static String attribution(String layout) {
        return switch (layout) {
            case CT_ICH -> " in the layout of the public CT-ICH release (Hssayeni et al., PhysioNet 2019, "
                    + "https://doi.org/10.13026/w8q8-ky94, CC BY 4.0)";
            case PHE_SICH -> ", PHE-SICH-CT-IDS (a second hospital and scanner; data descriptor in Scientific Data, 2024): "
                    + "every patient has an intraparenchymal hemorrhage, and its slice labels are weak (1 = the slice carries an "
                    + "annotated lesion box)";
            default -> "";
        };
    }

    /** Known-limit lines: the hemorrhage types each source showed, and the weak labels. */
    static List<String> limits(JsonNode dataset) {
        List<String> lines = new ArrayList<>();
        Map<String, JsonNode> sources = of(dataset);
        if (sources.size() > 1) {
            StringBuilder seen = new StringBuilder("Hemorrhage types in the data, by patients per source: ");
            List<String> parts = new ArrayList<>();
            sources.forEach((name, s) -> {
                List<String> types = new ArrayList<>();
                for (HemorrhageClass c : HemorrhageClass.values()) {
                    int n = s.path("classPatients").path(c.name()).asInt(0);
                    if (c != HemorrhageClass.NORMAL && n > 0) types.add(c + " " + n);
                }
                parts.add(name + " " + (types.isEmpty() ? "none" : String.join(", ", types)));
            });
            seen.append(String.join("; ", parts))
                    .append(". A type a source never showed was learnt from the other source's scanner only.");
            lines.add(seen.toString());
        }
        if (has(dataset, PHE_SICH)) {
            lines.add("PHE-SICH's labels are weak: a slice at the edge of a hematoma may be labelled normal, so its "
                    + "slice-level numbers understate the model a little and its type numbers cover ICH only.");
        }
        List<String> formats = new ArrayList<>();
        if (has(dataset, CT_ICH)) formats.add("CT-ICH's JPGs");
        if (has(dataset, PHE_SICH)) formats.add("PHE-SICH's PNGs");
        if (!formats.isEmpty()) {
            lines.add("Trained on 8-bit slices already in a brain window (" + String.join(", ", formats) + "); other "
                    + "windows, thin slices, contrast CT and ages outside the data's range are untested.");
        }
        return lines;
    }

    static String counts(JsonNode classCounts) {
        StringBuilder s = new StringBuilder();
        classCounts.fields().forEachRemaining(e -> s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(" ")
                .append(e.getValue().asInt()));
        return s.toString();
    }
}
