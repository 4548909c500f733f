package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped ensemble: predict works on a fresh clone with no --model, uses it for every input, and Grad-CAM points at blood. */
class ShippedModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path shipped() {
        Path p = Path.of(BundledModel.RELATIVE);
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("ensemble.json")), "no shipped model in " + p.toAbsolutePath());
        return p;
    }

    @Test
    void theShippedModelIsCompleteAndSaysWhatItWasTrainedOn() throws Exception {
        Path model = shipped();
        for (String f : List.of("ensemble.json", "MODEL_CARD.md", "model1/saved_model.pb", "model2/saved_model.pb",
                "model3/saved_model.pb")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), model + "/" + f);
        }
        String card = Files.readString(model.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("Research use only") && card.contains("any-hemorrhage AUC"), card);
        assertTrue(card.contains("CT-ICH release") && card.contains("PHE-SICH-CT-IDS") && card.contains("labels are weak"), card);
        JsonNode pre = JSON.readTree(model.resolve("ensemble.json").toFile()).path("preprocessing");
        assertEquals("brain", pre.path("channels").asText());
        assertEquals("head", pre.path("framing").asText());
    }

    @Test
    void predictWithoutModelUsesTheShippedOneOnTheBundledSample() throws Exception {
        shipped();
        Path folder = BundledSample.locate().resolve("Patients_CT/071/brain");
        CliRun r = CliRun.of("predict", folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("shipped model ich-wa2d "), "the one shipped model: " + r.err());
        JsonNode scan = JSON.readTree(r.out()).get("scans").get(0);
        int slices = 0;
        for (JsonNode slice : scan.get("slices")) {
            double sum = 0;
            for (JsonNode p : slice.get("probabilities")) sum += p.asDouble();
            assertEquals(1.0, sum, 1e-5);
            slices++;
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(files.filter(f -> f.getFileName().toString().matches("\\d+\\.jpg")).count(), slices);
        }
    }

    @Test
    void theBundledDicomSlicesArePredictedWithGradCam(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
        shipped();
        Path dicom = BundledSample.locate().getParent().resolve("ct-ich-dicom");
        CliRun r = CliRun.of("predict", dicom.resolve("071_14.dcm").toString(), dicom.resolve("066_19.dcm").toString(),
                "--gradcam", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("shipped model ich-wa2d "), r.err());
        JsonNode scans = JSON.readTree(r.out()).get("scans");
        int slices = 0;
        for (JsonNode scan : scans) slices += scan.get("slices").size();
        assertEquals(2, slices, r.out());
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.filter(f -> f.toString().endsWith(".png")).count() >= 2, "a Grad-CAM overlay per slice");
        }
    }

    @Test
    void aCtIchPatientFolderAndItsDicomSliceGetTheSameAnswer() throws Exception {
        shipped();
        Path patient = BundledSample.locate().resolve("Patients_CT/071");
        Path dicom = BundledSample.locate().getParent().resolve("ct-ich-dicom/071_14.dcm");
        CliRun r = CliRun.of("predict", patient.toString(), dicom.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("shipped model ich-wa2d "), r.err());
        JsonNode scans = JSON.readTree(r.out()).get("scans");
        JsonNode fromJpgs = null;
        for (JsonNode slice : scans.get(0).get("slices")) {
            if (slice.get("label").asText().endsWith("brain/14.jpg")) fromJpgs = slice.get("probabilities");
        }
        assertNotNull(fromJpgs, scans.toString());
        JsonNode fromDicom = scans.get(1).get("slices").get(0).get("probabilities");
        // the JPGs are the release's export of the same HU slice: the two routes must agree on what the model is
        // good at, p(any hemorrhage). Measured 2026-12-01 with models/ich-wa2d: 0.817 from the DICOM, 0.878 from the
        // JPG; the type split is less stable (EDH 0.23 against 0.35): the export's rounding and the head square found
        // on each image move the 128x128 input by a pixel or so, and the types rest on few patients
        double anyFromDicom = 1 - fromDicom.get("NORMAL").asDouble(), anyFromJpgs = 1 - fromJpgs.get("NORMAL").asDouble();
        assertEquals(anyFromDicom, anyFromJpgs, 0.1, "p(any hemorrhage)");
        for (String c : new String[]{"ICH", "SDH", "EDH"}) {
            assertEquals(fromDicom.get(c).asDouble(), fromJpgs.get(c).asDouble(), 0.2, c);
        }
    }

    /**
     * Measured on the 21 CT-ICH DICOM slices (2026-12-01, models/ich-wa2d, maps put back from the head cut onto
     * the whole slice): the ensemble's Grad-CAM is on average 2.09x as strong inside the radiologists' masks (1.4%
     * of the image) as outside (MobileNet v1 1.72x, MobileNetV2 2.32x, model3 2.63x; the MobileNets' maps are 4x4
     * at 128x128 input, so coarse). A map that ignored the blood would sit at 1; drawn on the uncut slice, as
     * before the fix, it measured 1.34.
     */
    @Test
    void gradCamIsStrongerInsideTheHemorrhageMasks() throws Exception {
        shipped();
        Path dicom = SharedData.requireFolder("ct-ich-dicom");
        Assumptions.assumeTrue(Files.isDirectory(dicom.resolve("ct")), "no CT-ICH DICOM fixtures in " + dicom);
        JsonNode ensemble = gradCamSummary(dicom);
        assertEquals(21, ensemble.get("slices").asInt());
        assertTrue(ensemble.get("meanInsideOutsideRatio").asDouble() > 1.6, ensemble.toString());
    }

    private static JsonNode gradCamSummary(Path dicom) throws Exception {
        List<String> args = new ArrayList<>(List.of("predict", "--gradcam-masks", dicom.resolve("mask").toString()));
        try (Stream<Path> files = Files.list(dicom.resolve("ct"))) {
            files.sorted().forEach(f -> args.add(f.toString()));
        }
        Path out = Files.createTempDirectory("gradcam");
        args.addAll(List.of("--gradcam", out.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("shipped model ich-wa2d"), r.err());
        return JSON.readTree(r.out()).get("gradcamAgreement").get("summary").get("ensemble");
    }
}
