package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

/**
 * The model card's table of evaluations beyond the run's own test set: cross-validation of the recipe and
 * scoring on data the model never saw ({@code ichnet test}), each read from its metrics.json.
 */
final class CardEvaluations {

    private CardEvaluations() {
    }

    static void table(StringBuilder md, List<ModelCard.Evaluation> evaluations) {
        if (evaluations.isEmpty()) return;
        md.append("## Other evaluations\n\n")
                .append("Weighted-average ensemble; 95% bootstrap CIs over patients. Each row is a run's metrics.json, ")
                .append("named in the first column.\n\n")
                .append("| evaluation | data | patients / slices | any-hemorrhage AUC | macro-F1 | patient sensitivity | patient specificity |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ModelCard.Evaluation e : evaluations) {
            JsonNode m = e.metrics();
            JsonNode data = m.path("dataset");
            var sources = CardSources.of(data).keySet();
            String where = sources.size() > 1 ? String.join(" + ", sources)
                    : String.valueOf(Path.of(data.path("root").asText("?")).getFileName());
            row(md, e.label(), where + " (" + m.path("title").asText("") + ")",
                    data.path("patients").asInt() + " / " + m.path("models").path("weightedAverage").path("samples").asInt(),
                    m.path("models").path("weightedAverage"));
            m.path("perSource").fields().forEachRemaining(s -> row(md, e.label() + " [" + s.getKey() + "]", s.getKey(),
                    "– / " + s.getValue().path("weightedAverage").path("samples").asInt(), s.getValue().path("weightedAverage")));
        }
        md.append("\n");
    }

    private static void row(StringBuilder md, String label, String data, String counts, JsonNode wa) {
        JsonNode ci = wa.path("ci");
        md.append("| ").append(label).append(" | ").append(data).append(" | ").append(counts)
                .append(" | ").append(JsonCells.withCi(wa.path("anyHemorrhageAuc"), ci.path("anyHemorrhageAuc"), ModelCard::pct))
                .append(" | ").append(JsonCells.withCi(wa.path("macroF1"), ci.path("macroF1"), ModelCard::pct))
                .append(" | ").append(ModelCard.pct(wa.path("patientLevel").path("sensitivity")))
                .append(" | ").append(ModelCard.pct(wa.path("patientLevel").path("specificity"))).append(" |\n");
    }
}
