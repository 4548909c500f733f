package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code cv --seeds}: one cross-validation per seed, then each family averaged over its seeds. */
class CvCommandTest {

    @Test
    void aSeedEnsembleAveragesTheSeedsCrossValidations(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cv");
        CliRun run = CliRun.of("cv", "--quick", "--members", "model1,model2,model3", "--size", "32", "--epochs", "1", "--folds", "3", "--seeds", "1,2",
                "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());

        Map<String, Float> seed1 = model1Normal(out.resolve("seed-1/predictions.csv"));
        Map<String, Float> seed2 = model1Normal(out.resolve("seed-2/predictions.csv"));
        Map<String, Float> pooled = model1Normal(out.resolve("predictions.csv"));
        assertEquals(seed1.keySet(), pooled.keySet());
        assertNotEquals(seed1, seed2, "the seeds trained different CNNs");
        for (String slice : pooled.keySet()) {
            assertEquals((seed1.get(slice) + seed2.get(slice)) / 2, pooled.get(slice), 1e-5, slice);
        }
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(metrics.path("settings").path("seed").asText().startsWith("seed ensemble of 1, 2"));
        assertTrue(metrics.path("title").asText().contains("seed ensemble of 1, 2"));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("seed-2/metrics.json")));

        // resuming needs only --out (and --seeds): the started seeds' config.json supplies the rest
        List<String> before = Files.readAllLines(out.resolve("predictions.csv"));
        CliRun fiveFolds = CliRun.of("cv", "--seeds", "1,2", "--out", out.toString(), "--no-progress");
        assertEquals(2, fiveFolds.exitCode(), fiveFolds.err());
        assertTrue(fiveFolds.err().contains("was split differently from fold 1 of a 5-fold split"), fiveFolds.err());
        CliRun plain = CliRun.of("cv", "--folds", "3", "--out", out.toString(), "--no-progress");
        assertEquals(2, plain.exitCode(), plain.err());
        assertTrue(plain.err().contains("holds a seed ensemble"), plain.err());
        CliRun resumed = CliRun.of("cv", "--seeds", "1,2", "--folds", "3", "--out", out.toString(), "--no-progress");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resuming with the settings"), resumed.err());
        assertTrue(resumed.err().contains("fold 3/3: done earlier"), resumed.err());
        assertEquals(before, Files.readAllLines(out.resolve("predictions.csv")));
        CliRun other = CliRun.of("cv", "--quick", "--members", "model1,model2,model3", "--size", "48", "--folds", "3", "--seeds", "1,2", "--out", out.toString(),
                "--no-progress");
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.err().contains("made with other settings"), other.err());

        CliRun compare = CliRun.of("compare", out.toString(), "--models", "weightedAverage");
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("seed ensemble of 1, 2 |"), compare.out());

        // --ensemble-weights alone re-combines the finished folds (no training), and back again (the improved
        // variant searches its weights, so the round trip goes through equal ones)
        CliRun equal = CliRun.of("cv", "--seeds", "1,2", "--folds", "3", "--out", out.toString(), "--ensemble-weights",
                "equal", "--no-progress");
        assertEquals(0, equal.exitCode(), equal.err());
        assertTrue(equal.err().contains("fold 3/3: done earlier") && equal.err().contains("ensembles re-combined: equal"),
                equal.err());
        assertFalse(equal.err().contains("epoch"), "nothing was trained: " + equal.err());
        ObjectMapper json = new ObjectMapper();
        CliRun searched = CliRun.of("cv", "--seeds", "1,2", "--folds", "3", "--out", out.toString(), "--ensemble-weights",
                "searched", "--no-progress");
        assertEquals(0, searched.exitCode(), searched.err());
        assertTrue(searched.err().contains("ensembles re-combined: grid-searched"), searched.err());
        assertEquals(0.5, json.readTree(out.resolve("seed-1/config.json").toFile()).at("/settings/grid/max").asDouble());
        assertEquals(before, Files.readAllLines(out.resolve("predictions.csv")));

        // a learning curve needs run folders with split files: each seed's cross-validation is one
        Path png = tmp.resolve("curve.png");
        CliRun curve = CliRun.of("compare", out.resolve("seed-1").toString(), out.resolve("seed-2").toString(),
                "--learning-curve", png.toString());
        assertEquals(0, curve.exitCode(), curve.err());
        assertTrue(curve.out().contains("| training patients per fold |") && curve.out().contains("| 2 |"), curve.out());
        assertTrue(Files.size(png) > 1000);
        CliRun noSplits = CliRun.of("compare", out.toString(), "--learning-curve", png.toString());
        assertEquals(2, noSplits.exitCode(), noSplits.err());
        assertTrue(noSplits.err().contains("seed-N/fold-*"), noSplits.err());
    }

    @Test
    void reweightingACrossValidationRecombinesItsFoldsAndComesBackToTheSameWeights(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cv");
        CliRun run = CliRun.of("cv", "--quick", "--members", "model1,model2,model3", "--size", "32", "--epochs", "1", "--folds", "3", "--ensemble-weights",
                "searched", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        ObjectMapper json = new ObjectMapper();
        List<String> searchedWeights = new java.util.ArrayList<>();
        for (int f = 1; f <= 3; f++) searchedWeights.add(json.readTree(out.resolve("fold-" + f + "/fold.json").toFile()).toString());

        CliRun equal = CliRun.of("cv", "--out", out.toString(), "--folds", "3", "--ensemble-weights", "equal", "--no-progress");
        assertEquals(0, equal.exitCode(), equal.err());
        assertTrue(equal.err().contains("ensembles re-combined: equal weights"), equal.err());
        assertEquals("[1.0,1.0,1.0]", json.readTree(out.resolve("fold-2/fold.json").toFile()).get("averageWeights").toString());
        assertTrue(json.readTree(out.resolve("metrics.json").toFile()).path("ensemble").path("selectedOn").asText()
                .startsWith("not searched"));

        CliRun back = CliRun.of("cv", "--out", out.toString(), "--folds", "3", "--ensemble-weights", "searched", "--no-progress");
        assertEquals(0, back.exitCode(), back.err());
        for (int f = 1; f <= 3; f++) {
            assertEquals(searchedWeights.get(f - 1), json.readTree(out.resolve("fold-" + f + "/fold.json").toFile()).toString());
        }
        CliRun resumed = CliRun.of("cv", "--out", out.toString(), "--folds", "3", "--no-progress");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertFalse(resumed.err().contains("re-combined"), "same weights: nothing rewritten " + resumed.err());

        CliRun notARun = CliRun.of("ensemble", out.toString(), "--ensemble-weights", "equal");
        assertEquals(2, notARun.exitCode(), notARun.err());
        assertTrue(notARun.err().contains("is a cross-validation") && notARun.err().contains("cv --out"), notARun.err());
    }

    @Test
    void seedAndSeedsTogetherOrASingleSeedEnsembleAreRefused(@TempDir Path tmp) {
        CliRun both = CliRun.of("cv", "--seed", "3", "--seeds", "1,2", "--out", tmp.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("not both"), both.err());
        CliRun one = CliRun.of("cv", "--seeds", "1", "--out", tmp.toString());
        assertEquals(2, one.exitCode());
        assertTrue(one.err().contains("at least two seeds"), one.err());
        CliRun balance = CliRun.of("cv", "--class-balance", "oversample", "--out", tmp.resolve("b").toString());
        assertEquals(2, balance.exitCode());
        assertTrue(balance.err().contains("--class-balance must be none, weights, sampling or level-matched"), balance.err());
        CliRun weights = CliRun.of("cv", "--ensemble-weights", "best", "--out", tmp.resolve("w").toString());
        assertEquals(2, weights.exitCode());
        assertTrue(weights.err().contains("--ensemble-weights must be searched or equal, not 'best'"), weights.err());
        CliRun focal = CliRun.of("cv", "--focal-gamma", "-1", "--out", tmp.resolve("f").toString());
        assertEquals(2, focal.exitCode());
        assertTrue(focal.err().contains("focal loss gamma must be between 0 and 10"), focal.err());
        CliRun none = CliRun.of("cv", "--training-share", "0", "--out", tmp.resolve("s").toString());
        assertEquals(2, none.exitCode(), "a share of 0 is not 'all of them'");
        assertTrue(none.err().contains("training share must be above 0"), none.err());
        CliRun leaky = CliRun.of("reproduce", "--protocol", "paper", "--training-share", "0.5", "--out", tmp.resolve("l").toString());
        assertEquals(2, leaky.exitCode());
        assertTrue(leaky.err().contains("--training-share needs a patient split"), leaky.err());
    }

    private static Map<String, Float> model1Normal(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int slice = header.indexOf("slice"), p = header.indexOf("model1_p_NORMAL");
        Map<String, Float> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            out.put(cells[slice], Float.parseFloat(cells[p]));
        }
        return out;
    }
}
