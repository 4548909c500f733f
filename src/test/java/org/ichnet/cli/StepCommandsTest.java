package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** train, ensemble, evaluate and export one after another on a tiny run of the bundled sample. */
class StepCommandsTest {

    @Test
    void theStepsAloneMakeTheSameKindOfRunAsReproduceAndExportIt(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun evaluateTooEarly = CliRun.of("evaluate", run.toString());
        assertEquals(2, evaluateTooEarly.exitCode(), "no run folder yet");

        CliRun train = CliRun.of("train", run.toString(), "--quick", "--size", "32", "--epochs", "1");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("model3: best epoch 1"), train.out());
        assertTrue(Files.isRegularFile(run.resolve("models/model2/saved_model.pb")));

        CliRun resumed = CliRun.of("train", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertFalse(resumed.err().contains("already holds a run"), resumed.err());
        CliRun ignored = CliRun.of("train", run.toString(), "--ema", "0.5");
        assertEquals(0, ignored.exitCode(), ignored.err());
        assertTrue(ignored.err().contains("already holds a run") && ignored.err().contains("ignored"), ignored.err());

        CliRun ensemble = CliRun.of("ensemble", run.toString());
        assertEquals(0, ensemble.exitCode(), ensemble.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(run.resolve("models/ensemble.json").toFile());
        assertEquals("ichnet-ensemble/1", manifest.get("format").asText());

        CliRun evaluate = CliRun.of("evaluate", run.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode metrics = json.readTree(run.resolve("metrics.json").toFile());
        // the weights evaluate re-derives from the saved validation predictions are the ones ensemble wrote
        assertEquals(manifest.get("weights").get("weightedAverage"), metrics.get("ensemble").get("weights"));

        Path exported = tmp.resolve("exported");
        CliRun export = CliRun.of("export", run.toString(), "--out", exported.toString());
        assertEquals(0, export.exitCode(), export.err());
        String card = Files.readString(exported.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("Research use only"));
        assertTrue(card.contains("| weightedAverage |"), card);
        CliRun predict = CliRun.of("predict", "--model", exported.toString(),
                BundledSample.locate().resolve("Patients_CT/071/brain/14.jpg").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().contains("\"predicted\""), predict.out());

        Path table = tmp.resolve("table.md");
        CliRun compare = CliRun.of("compare", run.toString(), run.resolve("metrics.json").toString(),
                "--models", "model1,weightedAverage", "--out", table.toString());
        assertEquals(0, compare.exitCode(), compare.err());
        assertEquals(2 + 4, compare.out().lines().count(), compare.out());
        assertTrue(compare.out().contains("| run | model1 | patient split | paper, 32x32, brain, ≤1 epochs |"), compare.out());
        assertEquals(compare.out(), Files.readString(table));
        CliRun unknown = CliRun.of("compare", run.toString(), "--models", "model9");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("model9") && unknown.err().contains("weightedAverage"), unknown.err());
        CliRun missing = CliRun.of("compare", tmp.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nowhere") && missing.err().contains("metrics.json"), missing.err());

        // re-weighting the trained run: recorded in config.json, used by ensemble.json and by evaluate
        CliRun badWeights = CliRun.of("ensemble", run.toString(), "--ensemble-weights", "best");
        assertEquals(2, badWeights.exitCode());
        assertTrue(badWeights.err().contains("searched or equal"), badWeights.err());
        CliRun equal = CliRun.of("ensemble", run.toString(), "--ensemble-weights", "equal");
        assertEquals(0, equal.exitCode(), equal.err());
        JsonNode reweighted = json.readTree(run.resolve("models/ensemble.json").toFile());
        assertEquals("[1.0,1.0,1.0]", reweighted.get("weights").get("weightedAverage").toString());
        assertTrue(reweighted.get("provenance").get("weightsSelectedOn").asText().contains("equal"), reweighted.toString());
        assertEquals(1.0, json.readTree(run.resolve("config.json").toFile()).at("/settings/grid/min").asDouble());
        CliRun reevaluated = CliRun.of("evaluate", run.toString());
        assertEquals(0, reevaluated.exitCode(), reevaluated.err());
        assertEquals("[1.0,1.0,1.0]", json.readTree(run.resolve("metrics.json").toFile()).get("ensemble").get("weights").toString());
    }
}
