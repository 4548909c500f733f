package org.ichnet.split;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bundled sample's split.csv files as {@code ichnet split} wrote them before data could come from several
 * sources (src/test/resources/golden): one source must still give these exact files.
 */
class SingleSourceSplitsUnchangedTest {

    private static final CtDataset SAMPLE = Sources.read(List.of(TinyCtIch.sample()), ReadOptions.defaults());

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of("src", "test", "resources", "golden", name));
    }

    @Test
    void patientSplitSeed42(@TempDir Path tmp) throws IOException {
        SplitCsv.write(tmp.resolve("split.csv"), Splits.byPatient(SAMPLE, 0.15, 0.2, 42), SAMPLE);
        assertEquals(golden("sample-split-patient-42.csv"), Files.readString(tmp.resolve("split.csv")));
    }

    @Test
    void sliceSplitSeed7(@TempDir Path tmp) throws IOException {
        SplitCsv.write(tmp.resolve("split.csv"), Splits.bySlice(SAMPLE, 0.15, 0.2, 7), SAMPLE);
        assertEquals(golden("sample-split-slice-7.csv"), Files.readString(tmp.resolve("split.csv")));
    }

    @Test
    void readingThroughSourcesChangesNothing() {
        assertEquals(DatasetReader.read(TinyCtIch.sample(), ReadOptions.defaults()), SAMPLE);
    }
}
