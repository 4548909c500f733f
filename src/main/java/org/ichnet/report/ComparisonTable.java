package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.WeightGrid;
import org.ichnet.preprocess.AugmentOptions;

import java.util.List;
import java.util.Locale;

/**
 * Several runs side by side as one Markdown table, ready to paste into a paper or a README: one row
 * per run (or per run and model), read from each run's {@code metrics.json}, with 95% CIs, per-class
 * sensitivities, the patient-level decision and calibration.
 */
public final class ComparisonTable {

    /** One run: a label for its row and its parsed metrics.json. */
    public record Run(String label, JsonNode metrics) {
    }

    private ComparisonTable() {
    }

    /** A pooled row from "models", or a per-source one ({@code weightedAverage [phe-sich]}) from "perSource". */
    private static JsonNode row(JsonNode metrics, String name) {
        return SourceRows.source(name)
                .map(source -> metrics.path("perSource").path(source).path(SourceRows.model(name)))
                .orElse(metrics.path("models").path(name));
    }

    public static String markdown(List<Run> runs, List<String> models) {
        StringBuilder md = new StringBuilder();
        md.append("| run | model | protocol | input | accuracy | macro-F1 | any-hemorrhage AUC | AUC within scan level "
                + "| patient AUC | sensitivity ICH / SDH / EDH | patients flagged | normal patients cleared | ECE raw → calibrated |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            JsonNode m = run.metrics();
            for (String model : models) {
                JsonNode r = row(m, model);
                if (r.isMissingNode()) continue;
                JsonNode ci = r.path("ci"), patients = r.path("patientLevel"), cal = m.path("calibration").path(model);
                md.append("| ").append(run.label()).append(" | ").append(model)
                        .append(" | ").append(protocol(m))
                        .append(" | ").append(input(m.path("settings")))
                        .append(" | ").append(percent(r.path("accuracy"), ci.path("accuracy")))
                        .append(" | ").append(percent(r.path("macroF1"), ci.path("macroF1")))
                        .append(" | ").append(fraction(r.path("anyHemorrhageAuc"), ci.path("anyHemorrhageAuc")))
                        .append(" | ").append(fraction(r.path("withinLevelAuc").path("auc"), r.path("withinLevelAuc").path("ci")))
                        .append(" | ").append(fraction(r.path("patientRanking").path("auc"), r.path("patientRanking").path("ci")))
                        .append(" | ").append(sensitivities(r.path("perClass")))
                        .append(" | ").append(count(patients, "truePositives", "falseNegatives"))
                        .append(" | ").append(count(patients, "trueNegatives", "falsePositives"))
                        .append(" | ").append(calibration(cal)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String protocol(JsonNode m) {
        String title = m.path("title").asText();
        if (title.contains("cross-validation")) return title.replaceAll(".*ichnet (\\d+)-fold.*", "$1-fold CV");
        return m.path("leaky").asBoolean() ? "slice split (LEAKY)" : "patient split";
    }

    private static String input(JsonNode settings) {
        String size = settings.path("image size").asText("?").split(" ")[0];
        String variant = settings.path("model variant").asText("?");
        String input = variant + ", " + size + ", " + settings.path("channels").asText("?").toLowerCase(Locale.ROOT);
        String epochs = settings.path("epochs (max) / batch").asText("").split(" ")[0];
        if (!epochs.isEmpty()) input += ", ≤" + epochs + " epochs";
        // recipes beyond the variant's defaults, so runs that differ only in training are told apart
        String augmentation = settings.path("augmentation").asText("").replace(", neighbour order reversed", "");
        // metrics.json files from before the recipe options recorded the record's toString: all default augmentation
        boolean legacy = augmentation.isEmpty() || augmentation.startsWith("AugmentOptions[");
        if (augmentation.equals(AugmentOptions.strong().describe())) input += ", strong augmentation";
        else if (!legacy && !augmentation.equals(AugmentOptions.defaults().describe())) input += ", augmentation: " + augmentation;
        String weighting = settings.path("class weighting").asText("");
        if (!weighting.isEmpty() && !weighting.equals(variant.equals("paper") ? "BALANCED" : "BALANCED_SAMPLING")) {
            input += ", " + weighting.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (settings.has("loss")) input += ", " + settings.path("loss").asText();
        if (settings.has("training share")) {
            input += ", trained on " + settings.path("training share").asText().replace(" (learning curve)", "");
        }
        String regularisation = settings.path("regularisation").asText("none");
        if (!regularisation.equals("none")) input += ", " + regularisation;
        // metrics.json files from before "ensemble weights" was recorded ("ensemble grid") searched them
        boolean equalWeights = settings.path("ensemble weights").asText("").equals(WeightGrid.EQUAL.describe());
        if (equalWeights != variant.equals("improved")) input += equalWeights ? ", equal ensemble weights" : ", searched ensemble weights";
        String seed = settings.path("seed").asText("42");
        if (seed.equals("42")) return input;
        if (seed.startsWith("seed ensemble")) return input + ", " + seed.replaceAll(" \\(.*", "");
        return input + ", seed " + seed;
    }

    private static String percent(JsonNode value, JsonNode ci) {
        return JsonCells.withCi(value, ci, v -> String.format(Locale.ROOT, "%.1f", 100 * v));
    }

    private static String fraction(JsonNode value, JsonNode ci) {
        return JsonCells.withCi(value, ci, v -> String.format(Locale.ROOT, "%.3f", v),
                v -> String.format(Locale.ROOT, "%.2f", v));
    }

    private static String sensitivities(JsonNode perClass) {
        StringBuilder s = new StringBuilder();
        for (HemorrhageClass c : List.of(HemorrhageClass.ICH, HemorrhageClass.SDH, HemorrhageClass.EDH)) {
            JsonNode v = perClass.path(c.name()).path("sensitivity");
            s.append(s.length() == 0 ? "" : " / ")
                    .append(v.isNumber() ? String.format(Locale.ROOT, "%.1f", 100 * v.asDouble()) : "n/a");
        }
        return s.toString();
    }

    private static String count(JsonNode patients, String hit, String miss) {
        if (!patients.path(hit).isNumber()) return "n/a";
        int h = patients.path(hit).asInt();
        return h + "/" + (h + patients.path(miss).asInt());
    }

    private static String calibration(JsonNode cal) {
        if (!cal.path("eceBefore").isNumber()) return "n/a";
        return String.format(Locale.ROOT, "%.3f → %.3f", cal.path("eceBefore").asDouble(), cal.path("eceAfter").asDouble());
    }
}
