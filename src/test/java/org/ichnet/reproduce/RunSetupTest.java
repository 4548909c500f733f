package org.ichnet.reproduce;

import org.ichnet.data.CtDataset;
import org.ichnet.model.PaperModels;
import org.ichnet.preprocess.Channels;
import org.ichnet.preprocess.LoadedImages;
import org.ichnet.preprocess.PreprocessOptions;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunSetupTest {

    @Test
    void eachProblemOfTheDataSetIsWarnedAboutOnceWithACount(@TempDir Path tmp) {
        Path data = TinyCtIch.at(tmp).slice("049", 1, "00000").slice("049", 2, "00001").slice("050", 1, "00000")
                .labelOnly("77", 3, "00000").write();
        Path bad = data.resolve("Patients_CT/049/brain/2.jpg");
        TinyCtIch.truncate(bad);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        CtDataset dataset = RunSetup.readDataset(java.util.List.of(data), ExperimentSettings.of(ExperimentSettings.PATIENT, PaperModels.Variant.PAPER),
                logStream, false);
        String read = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, read.lines().filter(l -> l.startsWith("ichnet: warning: ") && l.contains("patient 77")).count(), read);
        assertTrue(read.contains("ichnet: 1 problem(s), affected slices/files skipped; --strict makes them fatal"), read);

        log.reset();
        LoadedImages images = RunSetup.decode(dataset, new PreprocessOptions(16, Channels.BRAIN), logStream, false, false);
        String decoded = log.toString(StandardCharsets.UTF_8);
        assertEquals(2, images.slices().size());
        assertEquals(1, decoded.lines().filter(l -> l.startsWith("ichnet: warning: " + bad)).count(), decoded);
        assertTrue(decoded.contains("ichnet: 1 problem(s)"), decoded);
    }
}
