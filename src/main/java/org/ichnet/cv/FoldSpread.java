package org.ichnet.cv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.evaluate.Metrics;
import org.ichnet.evaluate.ModelMetrics;
import org.ichnet.io.AtomicFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How much the folds disagree: per-fold accuracy, macro-F1 and AUC, their mean and standard deviation. */
final class FoldSpread {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FoldSpread() {
    }

    static List<String> describe(List<FoldResult> folds) {
        List<String> lines = new ArrayList<>();
        for (String model : folds.get(0).test().probabilities().keySet()) {
            double[] acc = new double[folds.size()], f1 = new double[folds.size()], auc = new double[folds.size()];
            for (int i = 0; i < folds.size(); i++) {
                ModelMetrics m = Metrics.compute(folds.get(i).test().truth(), folds.get(i).test().of(model));
                acc[i] = m.accuracy();
                f1[i] = m.macroF1();
                auc[i] = m.anyHemorrhageAuc();
            }
            lines.add(String.format("%s across folds (mean ± sd): accuracy %s, macro-F1 %s, any-hemorrhage AUC %s",
                    model, meanSd(acc), meanSd(f1), meanSd(auc)));
        }
        return lines;
    }

    static void writeJson(Path file, List<FoldResult> folds) {
        ArrayNode root = JSON.createArrayNode();
        for (FoldResult f : folds) {
            ObjectNode fold = root.addObject();
            fold.put("fold", f.fold());
            fold.put("testSlices", f.test().size());
            fold.put("testPatients", f.test().patients().stream().distinct().count());
            fold.put("trainingSeconds", f.trainingSeconds());
            ObjectNode models = fold.putObject("models");
            for (String model : f.test().probabilities().keySet()) {
                ModelMetrics m = Metrics.compute(f.test().truth(), f.test().of(model));
                ObjectNode n = models.putObject(model);
                putNumber(n, "accuracy", m.accuracy());
                putNumber(n, "macroF1", m.macroF1());
                putNumber(n, "anyHemorrhageAuc", m.anyHemorrhageAuc());
            }
        }
        AtomicFiles.write(file, out -> JSON.writeValue(out, root));
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v);
        else n.putNull(key);
    }

    static String meanSd(double[] v) {
        double sum = 0, n = 0;
        for (double x : v) if (Double.isFinite(x)) { sum += x; n++; }
        if (n == 0) return "n/a";
        double mean = sum / n, ss = 0;
        for (double x : v) if (Double.isFinite(x)) ss += (x - mean) * (x - mean);
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return String.format("%.3f ± %.3f", mean, sd);
    }
}
