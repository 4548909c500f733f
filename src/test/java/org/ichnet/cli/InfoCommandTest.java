package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.testing.PheSichFixture;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class InfoCommandTest {

    @TempDir
    Path root;

    @Test
    void jsonOfTheSampleIsOneObjectWithTheCounts() throws Exception {
        CliRun run = CliRun.of("info", TinyCtIch.sample().toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(9, json.get("patients").asInt());
        assertEquals(239, json.get("slices").asInt());
        assertEquals(160, json.at("/classes/NORMAL").asInt());
        assertEquals(17, json.at("/classes/ICH").asInt());
        assertEquals(33, json.at("/classes/SDH").asInt());
        assertEquals(29, json.at("/classes/EDH").asInt());
        assertEquals(2, json.at("/classPatients/SDH").asInt());
        assertEquals(6, json.get("multiLabelSlices").asInt());
        assertEquals(33, json.at("/types/subdural").asInt());
        assertEquals("ct-ich", json.get("layout").asText());
        assertEquals(0, json.get("problems").asInt());
        assertTrue(json.get("warnings").isArray());
        assertTrue(json.has("fractureSlices"));
    }

    @Test
    void withoutDataDirTheBundledSampleIsRead() {
        CliRun run = CliRun.of("info", "--quick");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("patients    9"), run.out());
        assertTrue(run.out().matches("(?s).*SDH\\s+33\\s+2.*"), run.out());
    }

    @Test
    void corruptJpgIsSkippedWithWarningOrExit2WhenStrict() {
        TinyCtIch.at(root).slice("049", 1, "00000").slice("049", 2, "00001").write();
        Path bad = root.resolve("Patients_CT/049/bone/2.jpg");
        TinyCtIch.truncate(bad);

        CliRun lenient = CliRun.of("info", root.toString());
        assertEquals(0, lenient.exitCode());
        assertTrue(lenient.out().contains("slices      1 "), lenient.out());
        assertTrue(lenient.err().contains(bad.toString()), lenient.err());

        CliRun strict = CliRun.of("info", root.toString(), "--strict");
        assertEquals(Main.EXIT_BAD_INPUT, strict.exitCode());
        assertEquals(1, strict.err().strip().lines().count(), strict.err());
        assertTrue(strict.err().startsWith("ichnet: " + bad + ": "), strict.err());
    }

    @Test
    void severalSourcesAreCountedPooledAndPerSource() throws Exception {
        CliRun run = CliRun.of("info", "--json", "--data", TinyCtIch.sample().toString(), "--data", PheSichFixture.tiny().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(11, json.get("patients").asInt());
        assertEquals(244, json.get("slices").asInt());
        assertEquals("ct-ich+phe-sich", json.get("layout").asText());
        assertEquals(2, json.get("problems").asInt());
        JsonNode sources = json.get("sources");
        assertEquals(2, sources.size());
        assertEquals("phe-sich", sources.get(1).get("source").asText());
        assertEquals(2, sources.get(1).get("patients").asInt());
        assertEquals(2, sources.get(1).at("/classes/ICH").asInt());
        assertEquals(3, sources.get(1).get("lesionBoxes").asInt());
        assertEquals(2, sources.get(1).get("problems").asInt());
        assertEquals(9, sources.get(0).get("patients").asInt());
        assertEquals(0, sources.get(0).get("problems").asInt());

        CliRun table = CliRun.of("info", "--quick", "--data", TinyCtIch.sample().toString(), "--data", PheSichFixture.tiny().toString());
        assertTrue(table.out().matches("(?s).*\\nphe-sich\\s+2\\s+5\\s+3\\s+2\\s+0\\s+0\\s+3\\s+2\\n.*"), table.out());
        assertTrue(table.out().contains("PHE-SICH labels are weak"), table.out());
    }

    @Test
    void eachPheSichDefectIsOneWarningAndStrictStopsAtTheFirst() {
        CliRun lenient = CliRun.of("info", "--quick", PheSichFixture.tiny().toString());
        assertEquals(0, lenient.exitCode(), lenient.err());
        assertEquals(2, lenient.err().lines().filter(l -> l.startsWith("ichnet: warning: ")).count(), lenient.err());
        CliRun strict = CliRun.of("info", "--quick", "--strict", PheSichFixture.tiny().toString());
        assertEquals(Main.EXIT_BAD_INPUT, strict.exitCode());
        assertEquals("ichnet: " + PheSichFixture.tiny().resolve("labels.csv")
                + ": patient 0003: 2 label rows but no images in images/; skipped", strict.err().strip());
    }

    @Test
    void missingFolderAndBadPriorityAreErrors() {
        CliRun missing = CliRun.of("info", root.resolve("nope").toString());
        assertEquals(Main.EXIT_BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("nope: no such data folder"), missing.err());
        CliRun badPriority = CliRun.of("info", "--priority", "SDH,XYZ,ICH");
        assertNotEquals(0, badPriority.exitCode());
        assertTrue(badPriority.err().contains("XYZ"), badPriority.err());
    }
}
