package org.ichnet.cv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.cli.BundledSample;
import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.ReadOptions;
import org.ichnet.evaluate.Predictions;
import org.ichnet.model.PaperModels;
import org.ichnet.reproduce.ExperimentSettings;
import org.ichnet.split.Fold;
import org.ichnet.split.Role;
import org.ichnet.split.Split;
import org.ichnet.split.Splits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/**
 * metrics.json's headline numbers recomputed here, from predictions.csv alone. The run is a cross-validation
 * of the bundled sample whose folds are all "finished" with made-up predictions, so nothing is trained.
 */
class MetricsFromPredictionsTest {
    private static final int K = 3;
    private static final int CLASSES = HemorrhageClass.values().length;

    @Test
    void accuracyMacroF1AndAucFollowFromPredictionsCsv(@TempDir Path cvDir) throws Exception {
        ExperimentSettings settings = ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.PAPER).quick();
        CtDataset dataset = DatasetReader.read(BundledSample.locate(), ReadOptions.defaults());
        Random random = new Random(7);
        for (Fold fold : Splits.patientFolds(dataset, K, settings.splitSeed())) {
            Split split = Splits.foldSplit(dataset, fold, settings.valFraction(), settings.splitSeed());
            Predictions test = madeUp(dataset, s -> fold.testPatients().contains(s.patient()), random);
            Predictions validation = madeUp(dataset, s -> split.roleOf(s) == Role.VAL, random);
            FoldFiles.write(cvDir, new FoldResult(fold.index() + 1, test, validation, new double[]{1, 1, 1},
                    new double[]{1, 1, 1}, 1));
        }
        new CrossValidation(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false)
                .run(BundledSample.locate(), cvDir, settings, K);

        List<String> lines = Files.readAllLines(cvDir.resolve("predictions.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        JsonNode models = new ObjectMapper().readTree(cvDir.resolve("metrics.json").toFile()).get("models");
        for (String model : List.of("model1", "weightedAverage")) {
            int[] truth = new int[lines.size() - 1];
            double[][] p = new double[truth.length][CLASSES];
            for (int i = 0; i < truth.length; i++) {
                String[] cells = lines.get(i + 1).split(",");
                truth[i] = HemorrhageClass.valueOf(cells[header.indexOf("true_class")]).ordinal();
                for (HemorrhageClass c : HemorrhageClass.values()) {
                    p[i][c.ordinal()] = Double.parseDouble(cells[header.indexOf(model + "_p_" + c.name())]);
                }
            }
            JsonNode m = models.get(model);
            assertEquals(truth.length, m.get("samples").asInt(), model);
            assertEquals(accuracy(truth, p), m.get("accuracy").asDouble(), 1e-9, model);
            assertEquals(macroF1(truth, p), m.get("macroF1").asDouble(), 1e-9, model);
            assertEquals(anyHemorrhageAuc(truth, p), m.get("anyHemorrhageAuc").asDouble(), 1e-9, model);
        }
    }

    /** Probabilities that lean to the true class, so the metrics are neither perfect nor chance. */
    private static Predictions madeUp(CtDataset dataset, Predicate<CtSlice> keep, Random random) {
        List<CtSlice> slices = dataset.slices().stream().filter(keep).toList();
        int[] truth = slices.stream().mapToInt(s -> s.label().ordinal()).toArray();
        LinkedHashMap<String, float[][]> probs = new LinkedHashMap<>();
        for (String model : PaperModels.NAMES) {
            float[][] rows = new float[slices.size()][CLASSES];
            for (int i = 0; i < rows.length; i++) {
                float sum = 0;
                for (int c = 0; c < CLASSES; c++) sum += rows[i][c] = random.nextFloat() + (c == truth[i] ? 0.6f : 0);
                for (int c = 0; c < CLASSES; c++) rows[i][c] /= sum;
            }
            probs.put(model, rows);
        }
        return new Predictions(slices.stream().map(CtSlice::id).toList(), slices.stream().map(CtSlice::patient).toList(),
                truth, probs);
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    private static double accuracy(int[] truth, double[][] p) {
        int right = 0;
        for (int i = 0; i < truth.length; i++) if (argmax(p[i]) == truth[i]) right++;
        return right / (double) truth.length;
    }

    /** Mean F1 over the classes for which it is defined (the class occurs or is predicted). */
    private static double macroF1(int[] truth, double[][] p) {
        List<Double> f1 = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.length; i++) {
                int predicted = argmax(p[i]);
                if (predicted == c && truth[i] == c) tp++;
                else if (predicted == c) fp++;
                else if (truth[i] == c) fn++;
            }
            if (2 * tp + fp + fn > 0) f1.add(2.0 * tp / (2 * tp + fp + fn));
        }
        return f1.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Any hemorrhage against normal, scored 1 - p(NORMAL): the share of (positive, negative) pairs ranked right. */
    private static double anyHemorrhageAuc(int[] truth, double[][] p) {
        double pairs = 0, right = 0;
        int normal = HemorrhageClass.NORMAL.ordinal();
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == normal) continue;
            for (int j = 0; j < truth.length; j++) {
                if (truth[j] != normal) continue;
                double si = 1 - p[i][normal], sj = 1 - p[j][normal];
                pairs++;
                right += si > sj ? 1 : si == sj ? 0.5 : 0;
            }
        }
        return right / pairs;
    }
}
