package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.testing.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code ichnet predict} against a real run folder made once by {@code reproduce --quick} on the bundled sample. */
class PredictCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLASSES = List.of("NORMAL", "ICH", "SDH", "EDH");

    @TempDir
    static Path tmp;
    static Path run;
    static Path brainFolder;

    @BeforeAll
    static void trainQuickRun() throws IOException {
        run = tmp.resolve("run");
        CliRun r = CliRun.of("reproduce", "--quick", "--no-progress", "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(run.resolve("models/ensemble.json")));
        // a few JPGs of one sample patient, as a folder input
        Path patient = BundledSample.locate().resolve("Patients_CT/071/brain");
        brainFolder = Files.createDirectories(tmp.resolve("slices"));
        try (Stream<Path> files = Files.list(patient)) {
            for (Path f : files.sorted().limit(6).toList()) Files.copy(f, brainFolder.resolve(f.getFileName()));
        }
    }

    static JsonNode json(CliRun r) throws IOException {
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    static void assertProbabilities(JsonNode p) {
        double sum = 0;
        assertEquals(CLASSES, names(p));
        for (String c : CLASSES) {
            double v = p.get(c).asDouble();
            assertTrue(v >= 0 && v <= 1);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-5);
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void jsonSchema() throws IOException {
        Path single = Files.list(brainFolder).sorted().findFirst().orElseThrow();
        JsonNode root = json(CliRun.of("predict", "--model", run.toString(), brainFolder.toString(), single.toString()));
        assertEquals(List.of("model", "scans", "problems"), names(root));
        assertEquals(run.resolve("models").toAbsolutePath().normalize().toString(), root.get("model").get("path").asText());
        assertEquals(0, root.get("problems").size());
        JsonNode scans = root.get("scans");
        assertEquals(2, scans.size());
        assertEquals(6, scans.get(0).get("slices").size());
        assertEquals(1, scans.get(1).get("slices").size());
        for (JsonNode scan : scans) {
            assertEquals(List.of("name", "source", "anyHemorrhage", "types", "hemorrhageSlices", "maxProbability", "slices"), names(scan));
            Set<String> types = new HashSet<>();
            List<String> hemorrhageSlices = new ArrayList<>();
            double[] max = new double[4];
            for (JsonNode slice : scan.get("slices")) {
                assertEquals(List.of("label", "predicted", "probabilities", "models"), names(slice));
                assertProbabilities(slice.get("probabilities"));
                assertEquals(List.of("model1", "model2", "model3"), names(slice.get("models")));
                for (JsonNode m : slice.get("models")) assertProbabilities(m);
                String predicted = slice.get("predicted").asText();
                double best = -1;
                String argmax = null;
                for (int k = 0; k < 4; k++) {
                    double v = slice.get("probabilities").get(CLASSES.get(k)).asDouble();
                    max[k] = Math.max(max[k], v);
                    if (v > best) {
                        best = v;
                        argmax = CLASSES.get(k);
                    }
                }
                assertEquals(argmax, predicted);
                if (!predicted.equals("NORMAL")) {
                    types.add(predicted);
                    hemorrhageSlices.add(slice.get("label").asText());
                }
            }
            assertEquals(!types.isEmpty(), scan.get("anyHemorrhage").asBoolean());
            Set<String> listed = new HashSet<>();
            scan.get("types").forEach(t -> listed.add(t.asText()));
            assertEquals(types, listed);
            List<String> listedSlices = new ArrayList<>();
            scan.get("hemorrhageSlices").forEach(t -> listedSlices.add(t.asText()));
            assertEquals(hemorrhageSlices, listedSlices);
            for (int k = 0; k < 4; k++) assertEquals(max[k], scan.get("maxProbability").get(CLASSES.get(k)).asDouble(), 1e-7);
        }
        // the single file is the same slice as the folder's first one
        // (to float rounding: oneDNN may sum in another order for a batch of one than for a batch of 16)
        for (String c : CLASSES) {
            assertEquals(scans.get(0).get("slices").get(0).get("probabilities").get(c).asDouble(),
                    scans.get(1).get("slices").get(0).get("probabilities").get(c).asDouble(), 1e-6, c);
        }
    }

    @Test
    void csvHasOneRowPerSlice() throws IOException {
        Path csv = tmp.resolve("out/predictions.csv");
        CliRun r = CliRun.of("predict", "--model", run.resolve("models").toString(), "--csv", csv.toString(), brainFolder.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().trim().startsWith("{"), "without --json, --csv replaces the JSON on stdout");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("path,p_NORMAL,p_ICH,p_SDH,p_EDH,predicted,"
                + "model1_p_NORMAL,model1_p_ICH,model1_p_SDH,model1_p_EDH,"
                + "model2_p_NORMAL,model2_p_ICH,model2_p_SDH,model2_p_EDH,"
                + "model3_p_NORMAL,model3_p_ICH,model3_p_SDH,model3_p_EDH", lines.get(0));
        assertEquals(1 + 6, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(18, cells.length);
            double sum = 0;
            for (int k = 1; k <= 4; k++) sum += Double.parseDouble(cells[k]);
            assertEquals(1.0, sum, 1e-5);
            assertTrue(CLASSES.contains(cells[5]));
        }
        CliRun both = CliRun.of("predict", "--model", run.toString(), "--csv", csv.toString(), "--json", brainFolder.toString());
        assertEquals(1, json(both).get("scans").size());
    }

    @Test
    void gradCamPngsAreWrittenAndNotFlat() throws IOException {
        Path out = tmp.resolve("cams");
        JsonNode root = json(CliRun.of("predict", "--model", run.toString(), "--gradcam", out.toString(), brainFolder.toString()));
        List<Path> pngs;
        try (Stream<Path> files = Files.list(out)) {
            pngs = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        assertEquals(6, pngs.size());
        for (JsonNode slice : root.get("scans").get(0).get("slices")) {
            assertTrue(Files.isRegularFile(Path.of(slice.get("gradcam").asText())));
        }
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, png + " does not decode");
            assertEquals(4 * 256, image.getWidth());
            Set<Integer> colours = new HashSet<>();
            boolean coloured = false;
            for (int y = 40; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                    coloured |= Math.abs(r - g) > 30 || Math.abs(g - b) > 30;
                }
            }
            assertTrue(colours.size() > 50, png + ": only " + colours.size() + " colours");
            assertTrue(coloured, png + ": no heat-map colour anywhere");
        }
    }

    @Test
    void dicomFixtures() throws IOException {
        Path shared = SharedData.requireFolder("ct-ich-dicom");
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("ct")), "CT-ICH DICOM fixtures not found: " + shared);
        List<Path> files;
        try (Stream<Path> s = Files.list(shared.resolve("ct"))) {
            files = s.filter(f -> f.toString().endsWith(".dcm")).sorted().limit(3).toList();
        }
        // a folder holding one series, and two single files
        Path series = Files.createDirectories(tmp.resolve("series"));
        Files.copy(files.get(0), series.resolve(files.get(0).getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> args = new ArrayList<>(List.of("predict", "--model", run.toString(),
                "--gradcam-masks", shared.resolve("mask").toString(), series.toString()));
        files.subList(1, 3).forEach(f -> args.add(f.toString()));
        JsonNode root = json(CliRun.of(args.toArray(String[]::new)));
        assertEquals(3, root.get("scans").size());
        for (JsonNode scan : root.get("scans")) {
            assertEquals(1, scan.get("slices").size());
            assertProbabilities(scan.get("slices").get(0).get("probabilities"));
        }
        JsonNode agreement = root.get("gradcamAgreement");
        // masks are matched by file name, so the copy in the series folder finds its mask too
        assertEquals(3, agreement.get("slices").size());
        JsonNode summary = agreement.get("summary").get("ensemble");
        assertEquals(3, summary.get("slices").asInt());
        double maskFraction = summary.get("meanMaskFraction").asDouble();
        assertTrue(maskFraction > 0 && maskFraction < 0.2, "mask fraction " + maskFraction);
    }

    @Test
    void missingModelFolderIsExitTwoOnOneLine() {
        CliRun r = CliRun.of("predict", "--model", tmp.resolve("no-such-model").toString(), brainFolder.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("ichnet: ") && r.err().contains("no-such-model"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void noShippedModelSaysHowToMakeOne() {
        Assumptions.assumeTrue(BundledFiles.candidates(BundledModel.RELATIVE).stream().noneMatch(Files::isDirectory), "a shipped model exists here");
        CliRun r = CliRun.of("predict", brainFolder.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("ichnet reproduce") && r.err().contains("--model RUN_DIR/models"), r.err());
    }

    @Test
    void unreadableInputsAreSkippedOrFatalWhenStrict() throws IOException {
        Path bad = tmp.resolve("broken.png");
        Files.writeString(bad, "not a png");
        Path missing = tmp.resolve("missing.jpg");
        Path good = Files.list(brainFolder).sorted().findFirst().orElseThrow();
        CliRun r = CliRun.of("predict", "--model", run.toString(), bad.toString(), good.toString(), missing.toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.exitCode(), "the good input is predicted, the run still says some failed");
        JsonNode root = JSON.readTree(r.out());
        assertEquals(1, root.get("scans").size());
        assertEquals(2, root.get("problems").size());
        Iterator<JsonNode> problems = root.get("problems").elements();
        assertEquals(bad.toString(), problems.next().get("file").asText());
        assertEquals(missing.toString(), problems.next().get("file").asText());
        assertTrue(r.err().contains("skipped " + bad) && r.err().contains("skipped " + missing), r.err());

        CliRun strict = CliRun.of("predict", "--strict", "--model", run.toString(), good.toString(), bad.toString());
        assertEquals(Main.EXIT_BAD_INPUT, strict.exitCode());
        assertEquals(1, strict.err().strip().lines().count(), strict.err());
        assertTrue(strict.err().contains(bad.toString()), strict.err());
        assertEquals("", strict.out());
    }
}
