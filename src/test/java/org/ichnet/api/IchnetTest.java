package org.ichnet.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The library API on every input kind, with a small untrained ensemble. */
class IchnetTest {
    @TempDir
    static Path tmp;
    static Path modelFolder;
    static Ichnet model;

    @BeforeAll
    static void load() throws IchnetException {
        modelFolder = ApiFixtures.brainModel(tmp);
        model = Ichnet.load(modelFolder);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static void assertConsistent(SliceResult s) {
        float sum = 0;
        SliceClass argmax = SliceClass.NORMAL;
        for (SliceClass c : SliceClass.values()) {
            sum += s.probability(c);
            if (s.probability(c) > s.probability(argmax)) argmax = c;
        }
        assertEquals(1f, sum, 1e-5f);
        assertEquals(argmax, s.predicted());
        assertEquals(List.of("model1", "model2", "model3"), List.copyOf(s.members().keySet()));
    }

    static void assertSameSlice(SliceResult expected, SliceResult actual) {
        for (SliceClass c : SliceClass.values()) assertEquals(expected.probability(c), actual.probability(c), 1e-6f, c.name());
    }

    @Test
    void aJpgFileAFolderAndAPatientFolderGiveTheSameSlice() throws Exception {
        Path folder = ApiFixtures.jpgFolder(tmp, 3);
        ScanResult file = model.predict(ApiFixtures.JPG);
        ScanResult inFolder = model.predict(folder);
        ScanResult patient = model.predict(ApiFixtures.PATIENT);
        assertEquals("14", file.name());
        assertEquals(1, file.slices().size());
        assertEquals(3, inFolder.slices().size());
        assertTrue(patient.slices().size() > 20, "every slice of the patient, masks left out");
        for (ScanResult r : List.of(file, inFolder, patient)) r.slices().forEach(IchnetTest::assertConsistent);
        SliceResult fromPatient = patient.slices().stream().filter(s -> s.label().endsWith("brain/14.jpg")).findFirst().orElseThrow();
        assertSameSlice(file.slices().get(0), fromPatient);
    }

    @Test
    void aSeriesFolderWithAnUnreadableSubfolderIsStillOneScan() throws Exception {
        Path series = Files.createDirectories(tmp.resolve("series-with-report"));
        Files.copy(ApiFixtures.DICOM, series.resolve("1.dcm"));
        Path report = Files.createDirectories(series.resolve("SR"));
        Files.writeString(report.resolve("report.dcm"), "not pixels at all");
        ScanResult result = model.predict(series);
        assertEquals(1, result.slices().size(), "the series, not the subfolder that gave only a problem");
        assertConsistent(result.slices().get(0));
    }

    @Test
    void dicomAndNiftiAreRead() throws Exception {
        ScanResult dicom = model.predict(ApiFixtures.DICOM);
        assertEquals("071_14", dicom.name());
        assertEquals(ApiFixtures.DICOM, dicom.source());
        assertConsistent(dicom.slices().get(0));
        ScanResult volume = model.predict(ApiFixtures.nifti(tmp.resolve("head.nii")));
        assertEquals(3, volume.slices().size());
        assertTrue(volume.slices().get(2).label().endsWith("head.nii#2"));
        volume.slices().forEach(IchnetTest::assertConsistent);
    }

    @Test
    void streamsAndInMemoryImagesGiveTheSameSliceAsTheFile() throws Exception {
        SliceResult jpgFile = model.predict(ApiFixtures.JPG).slices().get(0);
        try (InputStream in = Files.newInputStream(ApiFixtures.JPG)) {
            ScanResult r = model.predict(in, "upload.jpg");
            assertEquals("upload.jpg", r.slices().get(0).label());
            assertSameSlice(jpgFile, r.slices().get(0));
        }
        BufferedImage image = ImageIO.read(ApiFixtures.JPG.toFile());
        assertSameSlice(jpgFile, model.predict(image).slices().get(0));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        assertSameSlice(jpgFile, model.predict(new ByteArrayInputStream(png.toByteArray()), "upload.png").slices().get(0));
        float[] pixels = new float[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) pixels[y * image.getWidth() + x] = image.getRaster().getSample(x, y, 0) / 255f;
        }
        assertSameSlice(jpgFile, model.predict(pixels, image.getWidth(), image.getHeight()).slices().get(0));

        SliceResult dicomFile = model.predict(ApiFixtures.DICOM).slices().get(0);
        try (InputStream in = Files.newInputStream(ApiFixtures.DICOM)) {
            assertSameSlice(dicomFile, model.predict(in, "071_14.dcm").slices().get(0));
        }
    }

    @Test
    void severalInputsGiveOneResultPerScanAndListTheSkippedOnes() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.png"), "not a png");
        Predictions p = model.predict(List.of(ApiFixtures.JPG, bad, ApiFixtures.DICOM));
        assertEquals(List.of("14", "071_14"), p.scans().stream().map(ScanResult::name).toList());
        assertEquals(1, p.problems().size());
        assertEquals(bad, p.problems().get(0).file());
        assertEquals(modelFolder.toAbsolutePath().normalize(), p.model().folder());
        assertEquals(p.model(), p.scans().get(0).model());
    }

    @Test
    void scanDecisionFollowsItsSlices() throws Exception {
        ScanResult r = model.predict(ApiFixtures.PATIENT);
        boolean any = r.slices().stream().anyMatch(s -> s.predicted() != SliceClass.NORMAL);
        assertEquals(any, r.anyHemorrhage());
        assertEquals(r.slices().stream().map(SliceResult::predicted).filter(c -> c != SliceClass.NORMAL).distinct().sorted().toList(), r.types());
        float top = r.slices().get(r.topSlice()).hemorrhageProbability();
        assertTrue(r.slices().stream().allMatch(s -> s.hemorrhageProbability() <= top));
        for (SliceClass c : SliceClass.values()) {
            assertEquals(r.slices().stream().map(s -> s.probability(c)).max(Float::compare).orElseThrow(), r.maxProbability().get(c));
        }
        assertTrue(r.decision().startsWith(any ? "hemorrhage [" : "no hemorrhage on " + r.slices().size()), r.decision());
    }

    @Test
    void gradCamIsAPanelPerMemberAndOneForTheEnsemble() throws Exception {
        ScanResult r = model.predict(ApiFixtures.nifti(tmp.resolve("cam.nii")));
        BufferedImage cam = r.gradCam(1);
        assertEquals(4 * 256, cam.getWidth());
        assertTrue(cam.getHeight() > 256);
        assertEquals(4 * 64, r.gradCam(2, 64).getWidth());
        assertThrows(IndexOutOfBoundsException.class, () -> r.gradCam(3));
    }

    @Test
    void modelInfoComesFromTheManifest() throws Exception {
        ModelInfo info = model.model();
        assertEquals(List.of(SliceClass.values()), info.classes());
        assertEquals(64, info.imageSize());
        assertEquals("brain", info.channels());
        assertEquals("whole-slice", info.framing());
        assertEquals("weightedAverage", info.combiner());
        assertEquals(List.of("model1", "model2", "model3"), info.members());
        assertEquals(0.5, info.weights().get("model2"), 1e-12);
        assertEquals("ichnet-ensemble/1", info.format());
        assertEquals("untrained", info.provenance().get("test"));
        assertEquals("", info.modelCard(), "the untrained folder has no card");
    }

    @Test
    void closeTwiceIsHarmlessAndUseAfterCloseFailsClearly() throws Exception {
        Ichnet own = Ichnet.load(modelFolder);
        ScanResult r = own.predict(ApiFixtures.JPG);
        own.close();
        own.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> own.predict(ApiFixtures.JPG));
        assertEquals("this Ichnet model is closed", e.getMessage());
        assertThrows(IllegalStateException.class, own::model);
        assertThrows(IllegalStateException.class, () -> r.gradCam(0), "Grad-CAM needs the model");
    }

    @Test
    void theShippedModelTakesEveryKindOfInputAsPredictDoes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of(org.ichnet.predict.ShippedModels.DEFAULT)), "no shipped model");
        try (Ichnet shipped = Ichnet.shipped()) {
            for (Path input : List.of(ApiFixtures.DICOM, ApiFixtures.PATIENT, ApiFixtures.JPG)) {
                assertEquals("brain", shipped.model(Inputs.read(List.of(input))).channels(), input.toString());
                assertEquals("head", shipped.model(Inputs.read(List.of(input))).framing(), input.toString());
            }
            ScanResult r = shipped.predict(ApiFixtures.DICOM);
            assertConsistent(r.slices().get(0));
            assertTrue(shipped.model().modelCard().contains("Research use only") && shipped.model().modelCard().contains("phe-sich"));
        }
    }

    @Test
    void aLoneImageWithoutAHeadIsSkippedAndTheOtherInputsArePredicted(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of(org.ichnet.predict.ShippedModels.DEFAULT)), "no shipped model");
        Path blank = tmp.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
        try (Ichnet shipped = Ichnet.shipped()) {
            Predictions both = shipped.predict(List.of(ApiFixtures.JPG, blank));
            assertEquals(1, both.scans().size());
            assertEquals(1, both.problems().size());
            assertTrue(both.problems().get(0).problem().startsWith("no head found"), both.problems().toString());
            IchnetException alone = assertThrows(IchnetException.class, () -> shipped.predict(blank));
            assertTrue(alone.getMessage().contains("no head found"), alone.getMessage());
        }
    }
}
