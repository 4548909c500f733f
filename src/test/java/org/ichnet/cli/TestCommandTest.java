package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.predict.UntrainedEnsemble;
import org.ichnet.report.MetricsJson;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ichnet test} with several DATA folders, one of them an image list with a two-column labels.csv. */
class TestCommandTest {
    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void untrainedModel() {
        model = UntrainedEnsemble.write(tmp.resolve("model"), 32, 1, new double[]{1, 1, 1});
    }

    @Test
    void severalFoldersAreScoredTogetherAndPerSource() throws Exception {
        Path list = tmp.resolve("list");
        TinyCtIch.writeJpg(list.resolve("a_1.png"), 16, 40);
        TinyCtIch.writeJpg(list.resolve("a_2.png"), 16, 200);
        TinyCtIch.writeJpg(list.resolve("b.png"), 16, 90);
        Files.writeString(list.resolve("labels.csv"), "file,any\na_1.png,0\na_2.png,1\nb.png,0\n");
        Path out = tmp.resolve("out");

        CliRun run = CliRun.of("test", "--model", model.toString(), "src/test/resources/phe-sich-tiny", list.toString(),
                "--out", out.toString(), "--bootstrap", "10");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("weightedAverage [image-labels]"), run.out());
        JsonNode metrics = MetricsJson.read(out.resolve("metrics.json"));
        assertEquals(3, metrics.path("perSource").path("image-labels").path("weightedAverage").path("samples").asInt());
        assertEquals(2, metrics.path("perSource").path("image-labels").path("weightedAverage").path("patientLevel")
                .path("patients").asInt());
        // phe-sich-tiny reads 5 slices (its defects skipped), the list 3
        assertEquals(5 + 3, metrics.path("models").path("weightedAverage").path("samples").asInt());
        String notes = metrics.path("notes").toString();
        assertTrue(notes.contains("PHE-SICH labels are weak") && notes.contains("only the any-hemorrhage metrics"), notes);
    }

    @Test
    void aFolderOfNoKnownLayoutIsOneLine() {
        Path out = tmp.resolve("bad-out");
        CliRun run = CliRun.of("test", "--model", model.toString(), "src/test/resources/phe-sich-tiny",
                tmp.resolve("nowhere").toString(), "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("nowhere"), run.err());
        assertFalse(Files.exists(out.resolve("metrics.json")));
    }
}
