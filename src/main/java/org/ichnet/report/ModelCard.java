package org.ichnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.WeightGrid;
import org.ichnet.model.Members;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.Framing;

import java.util.List;

/**
 * The model card of an exported ensemble, written from the run's {@code metrics.json} so every
 * number in it is the one measured: data, protocol, preprocessing, metrics with 95% CIs, intended
 * use and known limits.
 */
public final class ModelCard {
    private static final List<String> MODELS = List.of("model1", "model2", "model3", "weightedSum", "weightedAverage");

    /** An evaluation beyond the run's test set, for the card's table: a label and the metrics.json it wrote. */
    public record Evaluation(String label, JsonNode metrics) {
    }

    private ModelCard() {
    }

    public static String markdown(String name, JsonNode metrics, JsonNode ensembleManifest) {
        return markdown(name, metrics, ensembleManifest, List.of());
    }

    /** With a table of further evaluations (cross-validation, other data) after the test-set results. */
    public static String markdown(String name, JsonNode metrics, JsonNode ensembleManifest,
                                  List<Evaluation> evaluations) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(name).append("\n\n");
        List<String> members = members(metrics);
        boolean paperLineup = members.isEmpty() || members.equals(Members.PAPER_LINEUP);
        md.append(paperLineup ? "Three 2D CNNs and their weighted-average ensemble (WA2D-CNN, Gudadhe & Thakare 2024) classifying "
                        : "A weighted-average ensemble of three 2D CNNs (after WA2D-CNN, Gudadhe & Thakare 2024) classifying ")
                .append("head-CT slices as NORMAL, ICH (intraparenchymal, intraventricular or subarachnoid), SDH ")
                .append("(subdural) or EDH (epidural). Trained and evaluated by `ichnet reproduce` on ")
                .append(metrics.path("date").asText()).append(" (").append(metrics.path("machine").asText()).append(").\n\n");
        if (!paperLineup) {
            for (int i = 0; i < members.size(); i++) {
                md.append("- model").append(i + 1).append(": ").append(Members.describe(members.get(i))).append("\n");
            }
            md.append("\n");
        }
        md.append("**Research use only. Not a medical device; not validated for clinical decisions.**\n\n");

        md.append("## Data\n\n");
        JsonNode data = metrics.path("dataset");
        CardSources.describe(md, data);
        md.append("Protocol: **").append(metrics.path("protocol").asText()).append("**")
                .append(metrics.path("leaky").asBoolean() ? " (LEAKY: slices of one patient in train and test)" : " (split by patient)")
                .append("; ");
        metrics.path("splits").fields().forEachRemaining(e -> md.append(e.getKey()).append(" ")
                .append(e.getValue().path("patients").asInt()).append(" patients / ")
                .append(e.getValue().path("slices").asInt()).append(" slices; "));
        md.append(metrics.path("settings").path("ensemble weights").asText("").equals(WeightGrid.EQUAL.describe())
                ? "the ensemble averages the three CNNs with equal weights.\n\n"
                : "the ensemble weights were chosen on validation only.\n\n");

        md.append("## Preprocessing\n\n");
        JsonNode pre = ensembleManifest.path("preprocessing");
        String channels = pre.path("channels").asText();
        md.append("- input: ").append(Channels.ofLabel(channels).map(Channels::description).orElse(channels)).append(", ")
                .append(pre.path("imageSize").asInt()).append("x").append(pre.path("imageSize").asInt())
                .append(" (area-averaged), NHWC float in [0,1]\n");
        if (pre.path("mirrorAveraged").asBoolean()) {
            md.append("- each slice's probabilities are the mean over the slice and its left-right mirror image\n");
        }
        if ("brain+bone".equals(pre.path("channels").asText())) {
            md.append("- DICOM and NIfTI: converted to Hounsfield units, windowed as brain L40/W120 and bone ")
                    .append("L700/W3200 (the CT-ICH export) and rotated to the JPG orientation; or a CT-ICH patient folder, ")
                    .append("whose brain/ and bone/ JPGs carry both windows; a lone JPG/PNG carries one window and is refused\n");
        } else {
            md.append("- JPG/PNG inputs are taken as already windowed (CT-ICH export: brain L40/W120); DICOM and NIfTI ")
                    .append("are converted to Hounsfield units, windowed the same way and rotated to the JPG orientation\n");
        }
        if (Framing.HEAD.label().equals(pre.path("framing").asText())) {
            md.append("- head framing: each slice is cut to a square around the head (the largest bright region: skull ")
                    .append("and brain, not the table or burnt-in text) with a margin, then resized; empty edge slices of a ")
                    .append("scan are kept whole\n");
        }
        md.append("- ensemble: ").append(ensembleManifest.path("combiner").asText()).append(" with weights ")
                .append(ensembleManifest.path("weights").path("weightedAverage")).append(" (model1, model2, model3)\n\n");

        training(md, metrics.path("settings"));

        md.append("## Test-set results (95% bootstrap CIs; resampled unit: ")
                .append(metrics.path("models").path("weightedAverage").path("ci").path("resampled").asText("patients"))
                .append(")\n\n");
        md.append("| model | accuracy | macro-F1 | any-hemorrhage AUC | AUC within scan level | patient sensitivity | patient specificity |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (String m : MODELS) {
            JsonNode node = metrics.path("models").path(m);
            JsonNode ci = node.path("ci");
            md.append("| ").append(m).append(" | ").append(withCi(node.path("accuracy"), ci.path("accuracy")))
                    .append(" | ").append(withCi(node.path("macroF1"), ci.path("macroF1")))
                    .append(" | ").append(withCi(node.path("anyHemorrhageAuc"), ci.path("anyHemorrhageAuc")))
                    .append(" | ").append(withCi(node.path("withinLevelAuc").path("auc"), node.path("withinLevelAuc").path("ci")))
                    .append(" | ").append(pct(node.path("patientLevel").path("sensitivity")))
                    .append(" | ").append(pct(node.path("patientLevel").path("specificity"))).append(" |\n");
        }
        perSource(md, metrics.path("perSource"));
        md.append("\nPer class, weighted-average ensemble:\n\n| class | sensitivity | specificity | precision | F1 |\n|---|---|---|---|---|\n");
        JsonNode wa = metrics.path("models").path("weightedAverage");
        for (HemorrhageClass c : HemorrhageClass.values()) {
            JsonNode pc = wa.path("perClass").path(c.name()), ci = wa.path("ci").path("perClass").path(c.name());
            md.append("| ").append(c).append(" | ").append(withCi(pc.path("sensitivity"), ci.path("sensitivity")))
                    .append(" | ").append(withCi(pc.path("specificity"), ci.path("specificity")))
                    .append(" | ").append(withCi(pc.path("precision"), ci.path("precision")))
                    .append(" | ").append(withCi(pc.path("f1"), ci.path("f1"))).append(" |\n");
        }
        md.append("\nPatient-level decision: a patient is positive if any slice's p(any hemorrhage) reaches the ")
                .append("threshold that flagged every hemorrhage patient of validation.\n\n");

        CardEvaluations.table(md, evaluations);

        md.append("## Known limits\n\n");
        for (HemorrhageClass c : HemorrhageClass.values()) {
            JsonNode sens = wa.path("perClass").path(c.name()).path("sensitivity");
            if (c != HemorrhageClass.NORMAL && sens.isNumber() && sens.asDouble() == 0) {
                md.append("- **No test slice of class ").append(c).append(" was recognised** (sensitivity 0): the ")
                        .append("type decision is not usable for it; the any-hemorrhage score (AUC ")
                        .append(pct(wa.path("anyHemorrhageAuc"))).append(") is the more useful output.\n");
            }
        }
        JsonNode within = wa.path("withinLevelAuc").path("auc");
        if (within.isNumber()) {
            md.append("- Part of the any-hemorrhage AUC is where a slice lies in its scan (hemorrhage is rare at the ")
                    .append("skull base and the vertex); over pairs of slices from the same tenth of their scans the ensemble's ")
                    .append("AUC is ").append(pct(within)).append(" (50% = nothing seen beyond the level)");
            JsonNode normal = wa.path("withinLevelAuc").path("normalMeanScorePerTenth");
            double middle = mean(normal, 3, 7), lowest = mean(normal, 0, 2);
            if (!Double.isNaN(middle) && !Double.isNaN(lowest)) {
                md.append(String.format(java.util.Locale.ROOT, "; normal slices in the middle of the scan (tenths 4–7) "
                        + "score %.2f on average, in its lowest fifth %.2f", middle, lowest));
            }
            md.append(".\n");
        }
        int sources = CardSources.of(data).size();
        String training = Members.training(members);
        md.append(training.equals("from scratch") ? "- Trained from scratch on " : "- Trained (" + training + ") on ")
                .append(metrics.path("splits").path("train").path("patients").asInt())
                .append(" patients of ").append(sources == 1 ? "a single data set" : sources + " data sets")
                .append(rarestClass(data)).append(".\n");
        for (String line : CardSources.limits(data)) md.append("- ").append(line).append("\n");
        md.append(pre.path("channels").asText().contains("neighbours")
                ? "- Slice classifier with the slices below and above as context, not a 3D model; a scan's slices must be given in order. "
                : "- Slice-level classifier: no 3D context. ")
                .append("A multi-type slice carries one label (priority SDH, EDH, ICH).\n");
        md.append("- Confidence intervals are wide because the test set has few hemorrhage patients; see the run's report.html.\n");
        return md.toString();
    }

    /** The architectures in the ensemble's slots, as the run's settings name them; empty when they do not (older runs: the paper's). */
    private static List<String> members(JsonNode metrics) {
        String listed = metrics.path("settings").path("members").asText("");
        List<String> names = listed.isBlank() ? List.of() : java.util.Arrays.stream(listed.split(",\\s*")).toList();
        return Members.architectures().containsAll(names) ? names : List.of();
    }

    /** "; SDH occurs in only 4 of the 72 patients, ..." for the hemorrhage class with the fewest patients. */
    /** The weighted-average ensemble on each source's test slices, when the test data came from several sources. */
    private static void perSource(StringBuilder md, JsonNode perSource) {
        if (!perSource.isObject() || perSource.isEmpty()) return;
        md.append("\nPer source, weighted-average ensemble:\n\n| source | slices | accuracy | macro-F1 | any-hemorrhage AUC | ")
                .append("patient sensitivity | patient specificity |\n|---|---|---|---|---|---|---|\n");
        perSource.fields().forEachRemaining(e -> {
            JsonNode node = e.getValue().path("weightedAverage"), ci = node.path("ci");
            md.append("| ").append(e.getKey()).append(" | ").append(node.path("samples").asInt())
                    .append(" | ").append(withCi(node.path("accuracy"), ci.path("accuracy")))
                    .append(" | ").append(withCi(node.path("macroF1"), ci.path("macroF1")))
                    .append(" | ").append(withCi(node.path("anyHemorrhageAuc"), ci.path("anyHemorrhageAuc")))
                    .append(" | ").append(pct(node.path("patientLevel").path("sensitivity")))
                    .append(" | ").append(pct(node.path("patientLevel").path("specificity"))).append(" |\n");
        });
    }

    private static String rarestClass(JsonNode data) {
        JsonNode patients = data.path("classPatients");
        HemorrhageClass rarest = null;
        for (HemorrhageClass c : HemorrhageClass.values()) {
            if (c == HemorrhageClass.NORMAL || patients.path(c.name()).asInt(0) == 0) continue;
            if (rarest == null || patients.path(c.name()).asInt() < patients.path(rarest.name()).asInt()) rarest = c;
        }
        if (rarest == null) return "";
        return "; " + rarest + " occurs in only " + patients.path(rarest.name()).asInt() + " of the "
                + data.path("patients").asInt() + " patients, so its numbers rest on very few patients";
    }

    /** The recipe, as the run's settings table recorded it. */
    private static void training(StringBuilder md, JsonNode settings) {
        List<String> rows = List.of("model variant", "optimizer", "epochs (max) / batch", "early stopping",
                "class weighting", "loss", "augmentation", "regularisation", "precision", "seed");
        if (rows.stream().noneMatch(settings::has)) return;
        md.append("## Training\n\n");
        for (String row : rows) {
            if (settings.has(row)) md.append("- ").append(row).append(": ").append(settings.path(row).asText()).append("\n");
        }
        md.append("\n");
    }

    private static String withCi(JsonNode value, JsonNode ci) {
        return JsonCells.withCi(value, ci, ModelCard::pct);
    }

    /** Mean of the numbers at [from, to) of an array node; NaN when none is a number. */
    private static double mean(JsonNode array, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (array.path(i).isNumber()) {
                sum += array.path(i).asDouble();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static String pct(JsonNode v) {
        return v.isNumber() ? pct(v.asDouble()) : "n/a";
    }

    static String pct(double v) {
        return String.format("%.1f%%", 100 * v);
    }
}
