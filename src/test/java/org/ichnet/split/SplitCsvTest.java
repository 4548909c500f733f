package org.ichnet.split;

import org.ichnet.data.CtDataset;
import org.ichnet.data.DataException;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.ReadOptions;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SplitCsvTest {

    @TempDir
    Path dir;

    private final CtDataset sample = DatasetReader.read(TinyCtIch.sample(), ReadOptions.defaults());

    @Test
    void writesAndReadsBackTheSameRoles() throws IOException {
        Split split = Splits.byPatient(sample, 0.15, 0.2, 42);
        Path csv = dir.resolve("out/split.csv");
        SplitCsv.write(csv, split, sample);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("patient,slice,role", lines.get(0));
        assertEquals(sample.slices().size() + 1, lines.size());
        assertTrue(lines.get(1).matches("062,1,(train|val|test)"), lines.get(1));
        try (var files = Files.list(csv.getParent())) {
            assertEquals(1, files.count(), "no temp file left behind");
        }

        Split back = SplitCsv.read(csv, sample);
        assertEquals(split.roleBySliceId(), back.roleBySliceId());
        assertFalse(back.leaky());
        assertTrue(SplitCsv.read(write(slices(Splits.bySlice(sample, 0.15, 0.2, 1))), sample).leaky());
        java.util.Map<String, Role> roles = new java.util.LinkedHashMap<>(split.roleBySliceId());
        String setAside = sample.slices().stream().filter(s -> split.roleOf(s) == Role.TRAIN).findFirst().orElseThrow().patient();
        sample.slices().forEach(s -> { if (s.patient().equals(setAside)) roles.put(s.id(), Role.UNUSED); });
        Split half = new Split(split.protocol(), split.seed(), false, roles);
        SplitCsv.write(csv, half, sample);
        assertEquals(half.roleBySliceId(), SplitCsv.read(csv, sample).roleBySliceId());
    }

    @Test
    void unpaddedPatientsMatchAndExtraRowsAreIgnored() throws IOException {
        StringBuilder csv = new StringBuilder("patient,slice,role\r\n");
        sample.slices().forEach(s -> csv.append(Integer.parseInt(s.patient())).append(',').append(s.sliceNumber()).append(",TEST\r\n"));
        csv.append("999,1,train");
        Split split = SplitCsv.read(write(csv.toString()), sample);
        assertEquals(sample.slices().size(), split.counts().get(Role.TEST));
    }

    @Test
    void badFilesGiveOneLineErrors() throws IOException {
        assertTrue(assertThrows(DataException.class, () -> SplitCsv.read(write("patient,role\n062,train\n"), sample))
                .getMessage().contains("missing column(s) slice"));
        assertTrue(assertThrows(DataException.class, () -> SplitCsv.read(write("patient,slice,role\n062,1,holdout\n"), sample))
                .getMessage().contains("line 2: role must be train, val, test or unused, got 'holdout'"));
        assertTrue(assertThrows(DataException.class, () -> SplitCsv.read(write("patient,slice,role\n062,x,train\n"), sample))
                .getMessage().contains("line 2: column slice"));
        DataException missing = assertThrows(DataException.class, () -> SplitCsv.read(write("patient,slice,role\n062,1,train\n"), sample));
        assertTrue(missing.getMessage().contains("no role for 238 of the data set's 239 slices"), missing.getMessage());
        String all = slices(Splits.byPatient(sample, 0.15, 0.2, 1));
        assertTrue(assertThrows(DataException.class, () -> SplitCsv.read(write(all + "062,1,val\n"), sample))
                .getMessage().contains("already has a role"));
    }

    private String slices(Split split) throws IOException {
        Path tmp = dir.resolve("tmp.csv");
        SplitCsv.write(tmp, split, sample);
        return Files.readString(tmp);
    }

    private Path write(String text) throws IOException {
        Path csv = dir.resolve("split.csv");
        Files.writeString(csv, text);
        return csv;
    }
}
