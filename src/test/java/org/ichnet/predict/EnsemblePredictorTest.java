package org.ichnet.predict;

import org.ichnet.clinical.ScanSlice;
import org.ichnet.data.DataException;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.ensemble.Combiner;
import org.ichnet.ensemble.Ensemble;
import org.ichnet.preprocess.GrayImage;
import org.ichnet.preprocess.HeadCrop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class EnsemblePredictorTest {
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};

    @TempDir
    static Path tmp;
    static Path brainModel;

    @BeforeAll
    static void models() {
        brainModel = UntrainedEnsemble.write(tmp.resolve("brain"), 32, 1, WEIGHTS);
    }

    static GrayImage head(int side, long seed) {
        Random rnd = new Random(seed);
        float[] px = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double r = Math.hypot(x - side / 2.0, y - side / 2.0) / (side / 2.0);
                px[y * side + x] = r < 0.8 ? 0.4f + 0.1f * (float) rnd.nextGaussian() : r < 0.9 ? 1f : 0f;
            }
        }
        return new GrayImage(side, side, px);
    }

    /** The head in the lower right of a larger black frame, as a loosely framed export shows it. */
    static GrayImage offCentre(GrayImage head) {
        int side = 180;
        float[] px = new float[side * side];
        for (int y = 0; y < head.height(); y++)
            for (int x = 0; x < head.width(); x++) px[(y + 70) * side + x + 60] = head.get(x, y);
        return new GrayImage(side, side, px);
    }

    static List<ScanSlice> slices(int n, boolean bone) {
        List<ScanSlice> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new ScanSlice("s" + i, head(100, i), bone ? head(100, 100 + i) : null));
        return out;
    }

    @Test
    void combinesTheModelsWithTheManifestWeights() {
        try (EnsemblePredictor p = EnsemblePredictor.load(brainModel, UntrainedEnsemble.RUNTIME)) {
            assertEquals(List.of("model1", "model2", "model3"), p.modelNames());
            assertEquals(Combiner.WEIGHTED_AVERAGE, p.combiner());
            // 20 slices: one full batch of 16 and a partial one
            List<SlicePrediction> out = p.predict(slices(20, false), done -> { });
            assertEquals(20, out.size());
            for (SlicePrediction s : out) {
                double sum = 0;
                for (float v : s.probabilities()) sum += v;
                assertEquals(1.0, sum, 1e-5);
                float[] expected = Ensemble.combine(s.models().values().stream().map(v -> new float[][]{v}).toList(),
                        WEIGHTS, Combiner.WEIGHTED_AVERAGE)[0];
                assertArrayEquals(expected, s.probabilities(), 1e-6f);
            }
            // batching does not change the answer
            SlicePrediction alone = p.predict(List.of(slices(20, false).get(17)), d -> { }).get(0);
            assertArrayEquals(out.get(17).probabilities(), alone.probabilities(), 1e-5f);
        }
    }

    @Test
    void inputIsAreaResizedAndRoundedLikeTraining() {
        try (EnsemblePredictor p = EnsemblePredictor.load(brainModel, UntrainedEnsemble.RUNTIME)) {
            float[] x = p.input(slices(1, false), 0);
            assertEquals(32 * 32, x.length);
            for (float v : x) {
                assertTrue(v >= 0 && v <= 1);
                assertEquals(Math.round(v * 255f), v * 255f, 1e-3);
            }
        }
    }

    @Test
    void brainBoneModelsTakeBothWindowsAndRefuseJpgSlices() {
        Path model = UntrainedEnsemble.write(tmp.resolve("bone"), 32, 2, WEIGHTS);
        try (EnsemblePredictor p = EnsemblePredictor.load(model, UntrainedEnsemble.RUNTIME)) {
            assertTrue(p.needsBone());
            assertEquals(2, p.predict(slices(2, true), d -> { }).size());
            DataException e = assertThrows(DataException.class, () -> p.predict(slices(1, false), d -> { }));
            assertTrue(e.getMessage().contains("brain+bone"), e.getMessage());
        }
    }

    @Test
    void neighbourModelsTakeTheSlicesBelowAndAboveFromTheScanOrder() {
        Path model = UntrainedEnsemble.write(tmp.resolve("neighbours"), 32, 3, WEIGHTS);
        try (EnsemblePredictor p = EnsemblePredictor.load(model, UntrainedEnsemble.RUNTIME)) {
            List<ScanSlice> scan = slices(3, false);
            float[] first = p.input(scan, 0), middle = p.input(scan, 1), last = p.input(scan, 2);
            for (int px = 0; px < 32 * 32; px++) {
                int at = px * 3;
                assertEquals(middle[at + 1], first[at + 2], "slice 1 is above slice 0");
                assertEquals(first[at + 1], middle[at], "slice 0 is below slice 1");
                assertEquals(last[at + 1], middle[at + 2], "slice 2 is above slice 1");
                assertEquals(first[at + 1], first[at], "the first slice stands in for the missing one below");
                assertEquals(last[at + 1], last[at + 2], "the last slice stands in for the missing one above");
            }
            assertEquals(3, p.predict(scan, d -> { }).size());
            assertFalse(p.needsBone());
        }
    }

    @Test
    void neighbourChannelsDoNotBridgeASkippedFile() {
        Path model = UntrainedEnsemble.write(tmp.resolve("neighbours-gap"), 32, 3, WEIGHTS);
        try (EnsemblePredictor p = EnsemblePredictor.load(model, UntrainedEnsemble.RUNTIME)) {
            List<ScanSlice> read = slices(2, false);
            // files 0 and 2 were read, file 1 was not
            List<ScanSlice> scan = List.of(new ScanSlice("0.jpg", read.get(0).brain(), null, 0),
                    new ScanSlice("2.jpg", read.get(1).brain(), null, 2));
            float[] first = p.input(scan, 0), second = p.input(scan, 1);
            for (int px = 0; px < 32 * 32; px++) {
                int at = px * 3;
                assertEquals(first[at + 1], first[at + 2], "slice 0 must not see slice 2 as the one above it");
                assertEquals(second[at + 1], second[at], "slice 2 must not see slice 0 as the one below it");
            }
            boolean differ = false;
            for (int px = 0; px < 32 * 32; px++) differ |= first[px * 3 + 1] != second[px * 3 + 1];
            assertTrue(differ, "the two test slices should differ, or the test proves nothing");
        }
    }

    @Test
    void headFramedModelsKeepAScansEmptyEdgeSlicesWholeButRefuseALoneEmptyImage() throws Exception {
        Path model = UntrainedEnsemble.write(tmp.resolve("head-framed"), 32, 1, WEIGHTS);
        Path manifest = model.resolve("ensemble.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"framing\"\\s*:\\s*\"whole-slice\"", "\"framing\":\"head\""));
        GrayImage blank = new GrayImage(100, 100, new float[100 * 100]);
        List<ScanSlice> scan = new ArrayList<>();
        scan.add(new ScanSlice("top", blank, null));
        for (int i = 1; i < 3; i++) scan.add(new ScanSlice("s" + i, offCentre(head(100, i)), null));
        try (EnsemblePredictor p = EnsemblePredictor.load(model, UntrainedEnsemble.RUNTIME);
             EnsemblePredictor wholeSlices = EnsemblePredictor.load(brainModel, UntrainedEnsemble.RUNTIME)) {
            assertEquals(3, p.predict(scan, d -> { }).size(), "the blank top slice of a series is predicted, not fatal");
            // Grad-CAM is made on the head cut and put back on the whole slice: nothing outside the head's square
            SliceGradCam cam = p.gradCam(scan, List.of(1), List.of(HemorrhageClass.ICH)).get(0);
            HeadCrop.Square square = HeadCrop.find(scan.get(1).brain());
            GrayImage onSlice = cam.ensemble(180, 180);
            for (int y = 0; y < 180; y++)
                for (int x = 0; x < square.x0() - 3; x++) assertEquals(0f, onSlice.get(x, y), 1e-6f, "left of the head at " + x + "," + y);
            assertFalse(java.util.Arrays.equals(p.input(scan, 1), wholeSlices.input(scan, 1)),
                    "the manifest's head framing must be in effect");
            DataException e = assertThrows(DataException.class, () -> p.predict(List.of(scan.get(0)), d -> { }));
            assertTrue(e.getMessage().contains("no head found"), e.getMessage());
        }
    }

    @Test
    void missingOrBrokenModelFoldersAreDataExceptions() throws Exception {
        assertTrue(assertThrows(DataException.class, () -> EnsemblePredictor.load(tmp.resolve("nope"), UntrainedEnsemble.RUNTIME))
                .getMessage().contains("no such model folder"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(DataException.class, () -> EnsemblePredictor.load(empty, UntrainedEnsemble.RUNTIME))
                .getMessage().contains("ichnet reproduce"));
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.copy(brainModel.resolve("ensemble.json"), broken.resolve("ensemble.json"));
        DataException e = assertThrows(DataException.class, () -> EnsemblePredictor.load(broken, UntrainedEnsemble.RUNTIME));
        assertTrue(e.getMessage().contains("model1") && e.getMessage().contains("saved_model.pb"), e.getMessage());
        Path garbage = Files.createDirectories(tmp.resolve("garbage"));
        Files.writeString(garbage.resolve("ensemble.json"), "{not json");
        assertThrows(DataException.class, () -> EnsemblePredictor.load(garbage, UntrainedEnsemble.RUNTIME));
        // a run folder is accepted: its models/ is used
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.createSymbolicLink(run.resolve("models"), brainModel);
        try (EnsemblePredictor p = EnsemblePredictor.load(run, UntrainedEnsemble.RUNTIME)) {
            assertEquals(run.resolve("models"), p.directory());
        }
    }

    @Test
    void gradCamOverlayHasOnePanelPerModelPlusTheEnsemble(@TempDir Path out) throws Exception {
        try (EnsemblePredictor p = EnsemblePredictor.load(brainModel, UntrainedEnsemble.RUNTIME)) {
            List<ScanSlice> s = slices(2, false);
            List<SlicePrediction> pred = p.predict(s, d -> { });
            List<SliceGradCam> cams = p.gradCam(s, pred.stream().map(SlicePrediction::predicted).toList());
            SliceGradCam cam = cams.get(0);
            assertEquals(3, cam.maps().size());
            GrayImage ensemble = cam.ensemble(64, 64);
            float max = 0;
            for (float v : ensemble.pixels()) max = Math.max(max, v);
            assertTrue(max <= 1.0001f);
            Path png = out.resolve("a.png");
            GradCamOverlay.write(png, s.get(0), pred.get(0), cam, 64);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(4 * 64, image.getWidth());
        }
    }

    @Test
    void ensembleMapIsTheWeightedSumOfTheModelMaps() {
        GrayImage a = new GrayImage(2, 1, new float[]{1, 0});
        GrayImage b = new GrayImage(2, 1, new float[]{0, 1});
        SliceGradCam cam = new SliceGradCam(HemorrhageClass.ICH, List.of("m1", "m2"), new double[]{0.75, 0.25}, List.of(a, b));
        assertArrayEquals(new float[]{0.75f, 0.25f}, cam.ensemble(2, 1).pixels(), 1e-6f);
        assertArrayEquals(new float[]{0.5f, 1f, 0f}, SliceGradCam.normalized(3, 1, new float[]{1, 2, -1}).pixels(), 1e-6f);
    }

    @Test
    void scanDecisionComesFromTheSlices() {
        SlicePrediction normal = new SlicePrediction("a", new float[]{0.7f, 0.1f, 0.1f, 0.1f}, Map.of());
        SlicePrediction sdh = new SlicePrediction("b", new float[]{0.2f, 0.1f, 0.6f, 0.1f}, Map.of());
        SlicePrediction ich = new SlicePrediction("c", new float[]{0.1f, 0.5f, 0.3f, 0.1f}, Map.of());
        ScanPrediction scan = ScanPrediction.of("x", Path.of("x"), List.of(normal, sdh, ich), List.of());
        assertTrue(scan.anyHemorrhage());
        assertEquals(List.of(HemorrhageClass.ICH, HemorrhageClass.SDH), scan.types());
        assertEquals(List.of("b", "c"), scan.hemorrhageSlices());
        assertArrayEquals(new float[]{0.7f, 0.5f, 0.6f, 0.1f}, scan.maxProbability());
        assertFalse(ScanPrediction.of("y", Path.of("y"), List.of(normal), List.of()).anyHemorrhage());
        assertEquals(HemorrhageClass.ICH, normal.likeliestHemorrhage()); // tie among hemorrhages: first wins
        assertEquals(HemorrhageClass.SDH, sdh.likeliestHemorrhage());
    }
}
