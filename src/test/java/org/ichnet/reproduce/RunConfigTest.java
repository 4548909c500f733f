package org.ichnet.reproduce;

import org.ichnet.ensemble.WeightGrid;
import org.ichnet.model.Members;
import org.ichnet.model.PaperModels;
import org.ichnet.model.Regularisation;
import org.ichnet.preprocess.AugmentOptions;
import org.ichnet.preprocess.Channels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunConfigTest {

    /** The config.json of a real cross-validation written before TTA, seeds and regularisation were options. */
    private static final String OLDER_CONFIG = """
            {
              "ichnetVersion" : "0.1.0",
              "dataDir" : "/data/ct-ich",
              "settings" : {
                "protocol" : "patient", "imageSize" : 128, "channels" : "BRAIN_NEIGHBOURS", "variant" : "IMPROVED",
                "training" : {
                  "epochs" : 15, "batchSize" : 16, "learningRate" : 0.001, "warmupEpochs" : 1, "cosineDecay" : true,
                  "patience" : 10, "selection" : "ANY_HEMORRHAGE_AUC", "weighting" : "BALANCED_SAMPLING",
                  "augment" : { "flip" : true, "maxRotationDeg" : 10.0, "maxShiftFraction" : 0.05, "identity" : false },
                  "seed" : 42, "bf16" : true
                },
                "valFraction" : 0.15, "testFraction" : 0.2, "splitSeed" : 42,
                "grid" : { "min" : 0.0, "max" : 0.5, "step" : 0.1 },
                "criterion" : "MACRO_F1", "bootstrapReps" : 1000
              }
            }""";

    @Test
    void anOlderRunLoadsAsTrainedWithoutTheNewerLevers(@TempDir Path run) throws Exception {
        Files.writeString(RunFolder.config(run), OLDER_CONFIG);
        ExperimentSettings s = RunConfig.load(run).settings();
        assertEquals(Regularisation.NONE, s.training().regularisation());
        assertEquals(new AugmentOptions(true, 10, 0.05), s.training().augment());
        assertEquals(Channels.BRAIN_NEIGHBOURS, s.channels());
        assertFalse(s.mirrorTta());
        assertEquals(15, s.training().epochs());
        assertEquals(WeightGrid.DEFAULT, s.grid(), "it searched its ensemble weights");
        assertEquals(1.0, s.trainingShare(), "it trained on all its training patients");
        assertEquals(0.0, s.training().focalGamma(), "with plain cross-entropy");
        assertEquals(Members.PAPER_LINEUP, s.members(), "its three slots held the paper's CNNs");
        assertFalse(s.member("model1").pretrained());
    }

    @Test
    void anOlderConfigNamesItsOneDataFolder(@TempDir Path run) throws Exception {
        Files.writeString(RunFolder.config(run), OLDER_CONFIG);
        assertEquals(java.util.List.of(Path.of("/data/ct-ich")), RunConfig.load(run).dataFolders());
    }

    @Test
    void oneDataFolderIsWrittenAsBeforeAndSeveralAsAList(@TempDir Path run) throws Exception {
        ExperimentSettings s = ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.IMPROVED);
        Path a = Path.of("/data/ct-ich"), b = Path.of("/data/phe-sich-ct-ids");
        RunConfig.save(run, a, s);
        String one = Files.readString(RunFolder.config(run));
        assertTrue(one.contains("\"dataDir\" : \"/data/ct-ich\""), one);
        assertFalse(one.contains("dataDirs"), one);
        RunConfig.save(run, java.util.List.of(a, b), s);
        assertEquals(java.util.List.of(a, b), RunConfig.load(run).dataFolders());
        assertFalse(Files.readString(RunFolder.config(run)).contains("\"dataDir\""));
    }

    @Test
    void leaveSourceOutIsRecordedAndOlderConfigsArePatientFolds(@TempDir Path run) throws Exception {
        ExperimentSettings s = ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.IMPROVED);
        var dirs = java.util.List.of(Path.of("/data/ct-ich"), Path.of("/data/phe-sich-ct-ids"));
        RunConfig.save(run, dirs, s, "leave-source-out");
        assertTrue(Files.readString(RunFolder.config(run)).contains("\"cvFolds\" : \"leave-source-out\""));
        assertEquals("leave-source-out", RunConfig.load(run).cvFolds());
        RunConfig.save(run, dirs, s);
        assertFalse(Files.readString(RunFolder.config(run)).contains("cvFolds"), "patient k-fold writes no key, as before");
        Files.writeString(RunFolder.config(run), OLDER_CONFIG);
        assertNull(RunConfig.load(run).cvFolds());
    }

    @Test
    void aConfigWithoutDataFolderIsABadFile(@TempDir Path run) throws Exception {
        Files.writeString(RunFolder.config(run), OLDER_CONFIG.replace("\"dataDir\" : \"/data/ct-ich\",", ""));
        var e = assertThrows(org.ichnet.data.DataException.class, () -> RunConfig.load(run));
        assertTrue(e.getMessage().contains("names no data folder"), e.getMessage());
    }

    @Test
    void settingsSurviveASaveAndLoad(@TempDir Path run) {
        ExperimentSettings s = ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.IMPROVED)
                .withChannels(Channels.BRAIN_BONE).withTrainingSeed(7).withTrainingShare(0.5).withFocalGamma(2);
        RunConfig.save(run, run, s);
        assertEquals(s, RunConfig.load(run).settings());
        assertEquals(ExperimentSettings.IMPROVED_REGULARISATION, RunConfig.load(run).settings().training().regularisation());
        assertEquals(AugmentOptions.strong(), RunConfig.load(run).settings().training().augment());
        assertEquals(WeightGrid.DEFAULT, RunConfig.load(run).settings().grid(), "the backbone ensemble searches its weights");
        assertEquals(Members.BACKBONE_LINEUP, RunConfig.load(run).settings().members());
        assertTrue(RunConfig.load(run).settings().member("model2").pretrained());
        ExperimentSettings probes = s.withMembers(java.util.List.of("mobilenet_v1_probe", "model1", "mobilenet_v2"));
        RunConfig.save(run, run, probes);
        assertEquals(probes, RunConfig.load(run).settings());
        assertThrows(IllegalArgumentException.class, () -> s.withMembers(java.util.List.of("resnet50", "model1", "model2")));
        assertEquals(WeightGrid.DEFAULT, ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.PAPER).grid());
    }
}
