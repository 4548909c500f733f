package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code reproduce --quick} end to end on the bundled sample, then the run folder's contract. */
class ReproduceCommandTest {
    @TempDir
    static Path tmp;
    static Path run;
    static CliRun first;

    @BeforeAll
    static void reproduceQuickly() {
        run = tmp.resolve("run");
        first = CliRun.of("reproduce", "--quick", "--out", run.toString());
    }

    @Test
    void exitsZeroAndPrintsTheSummaryTable() {
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("weightedAverage"), first.out());
        assertTrue(first.out().contains("report: "), first.out());
    }

    @Test
    void writesEveryFileOfTheRunFolder() throws Exception {
        for (String f : List.of("config.json", "split.csv", "predictions.csv", "validation-predictions.csv",
                "metrics.json", "report.html", "fig4-accuracy.png", "fig5-precision.png", "models/ensemble.json",
                "models/model1/saved_model.pb", "models/model2/saved_model.pb", "models/model3/saved_model.pb")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f + " missing");
        }
        assertNotNull(ImageIO.read(run.resolve("fig4-accuracy.png").toFile()));
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"));
    }

    @Test
    void metricsFollowTheContractAndWeightsComeFromValidation() throws Exception {
        JsonNode m = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals("patient", m.get("protocol").asText());
        for (String model : List.of("model1", "model2", "model3", "weightedSum", "weightedAverage")) {
            JsonNode node = m.get("models").get(model);
            assertNotNull(node, model);
            for (String key : List.of("accuracy", "macroF1", "anyHemorrhageAuc", "perClass")) assertTrue(node.has(key), model + "." + key);
            for (String c : List.of("NORMAL", "ICH", "SDH", "EDH"))
                for (String k : List.of("precision", "sensitivity", "specificity", "f1"))
                    assertTrue(node.get("perClass").get(c).has(k), model + " " + c + " " + k);
        }
        assertEquals("validation", m.get("ensemble").get("selectedOn").asText());
        assertEquals(3, m.get("ensemble").get("weights").size());
    }

    @Test
    void noPatientIsInTwoRolesAndEveryTestSliceIsPredicted() throws Exception {
        List<String> split = Files.readAllLines(run.resolve("split.csv"));
        assertEquals("patient,slice,role", split.get(0));
        Map<String, String> roleOfPatient = new HashMap<>();
        long test = 0;
        for (String line : split.subList(1, split.size())) {
            String[] f = line.split(",");
            String previous = roleOfPatient.putIfAbsent(f[0], f[2]);
            assertTrue(previous == null || previous.equals(f[2]), "patient " + f[0] + " in " + previous + " and " + f[2]);
            if (f[2].equals("test")) test++;
        }
        assertEquals(test, Files.readAllLines(run.resolve("predictions.csv")).size() - 1);
    }

    @Test
    void refusesToOverwriteARunAndResumesItToTheSameNumbers() throws Exception {
        CliRun again = CliRun.of("reproduce", "--quick", "--out", run.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("--resume"), again.err());
        String before = Files.readString(run.resolve("predictions.csv"));
        CliRun resumed = CliRun.of("reproduce", "--resume", "--out", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(before, Files.readString(run.resolve("predictions.csv")));
    }

    @Test
    void brainAndBoneTrainTwoChannelModels() throws Exception {
        Path bone = tmp.resolve("bone");
        CliRun r = CliRun.of("reproduce", "--quick", "--bone", "--size", "32", "--epochs", "1", "--out", bone.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode manifest = new ObjectMapper().readTree(bone.resolve("models/ensemble.json").toFile());
        assertEquals("brain+bone", manifest.get("preprocessing").get("channels").asText());
        assertEquals(2, manifest.get("preprocessing").get("windows").size());
        try (var model = org.ichnet.model.SavedCnn.load(bone.resolve("models/model1"), org.ichnet.model.RuntimeOptions.defaults())) {
            assertEquals(2, model.input().channels());
        }
    }

    @Test
    void neighbourSlicesTrainThreeChannelModelsThatPredictAScan() throws Exception {
        Path run = tmp.resolve("neighbours");
        CliRun r = CliRun.of("reproduce", "--quick", "--neighbours", "--tta", "--size", "32", "--epochs", "1",
                "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode manifest = new ObjectMapper().readTree(run.resolve("models/ensemble.json").toFile());
        assertEquals("brain+neighbours", manifest.get("preprocessing").get("channels").asText());
        assertTrue(manifest.get("preprocessing").get("mirrorAveraged").asBoolean());
        try (var model = org.ichnet.model.SavedCnn.load(run.resolve("models/model1"), org.ichnet.model.RuntimeOptions.defaults())) {
            assertEquals(3, model.input().channels());
        }
        Path patient = org.ichnet.testing.TinyCtIch.sample().resolve("Patients_CT").resolve("062").resolve("brain");
        CliRun predicted = CliRun.of("predict", "--model", run.toString(), patient.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().contains("brain+neighbours"), predicted.out());
    }

    @Test
    void regularisationOptionsReachTheTrainingConfig() throws Exception {
        Path run = tmp.resolve("regularised");
        CliRun r = CliRun.of("reproduce", "--quick", "--size", "32", "--epochs", "1", "--augment", "strong",
                "--weight-decay", "0.05", "--ema", "0.99", "--label-smoothing", "0.1", "--seed", "7", "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode training = new ObjectMapper().readTree(run.resolve("config.json").toFile()).get("settings").get("training");
        assertEquals(0.99, training.get("regularisation").get("emaDecay").asDouble(), 1e-9);
        assertEquals(0.05, training.get("regularisation").get("weightDecay").asDouble(), 1e-9);
        assertEquals(0.15, training.get("augment").get("maxScaleFraction").asDouble(), 1e-9);
        assertEquals(7, training.get("seed").asLong());
        assertTrue(Files.readString(run.resolve("report.html")).contains("EMA of weights 0.99"));

        CliRun bad = CliRun.of("reproduce", "--quick", "--ema", "1.5", "--out", tmp.resolve("bad-ema").toString());
        assertNotEquals(0, bad.exitCode());
        assertTrue(bad.err().contains("EMA decay 1.5"), bad.err());
        assertFalse(Files.exists(tmp.resolve("bad-ema")));
    }
}
