package org.ichnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** export never replaces or deletes anything of the user's that is not an earlier export. */
class ExportCommandTest {

    /** A run that has been evaluated but whose SavedModels are gone: export gets past its first checks, then fails. */
    private static Path runWithoutModels(Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run.resolve("models"));
        Files.writeString(run.resolve("metrics.json"), "{}");
        Files.writeString(run.resolve("models/ensemble.json"), "{}");
        return run;
    }

    @Test
    void anExistingFileIsRefusedAndKept(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("notes.txt");
        Files.writeString(out, "mine");
        CliRun export = CliRun.of("export", runWithoutModels(tmp).toString(), "--out", out.toString());
        assertEquals(2, export.exitCode(), export.err());
        assertEquals(1, export.err().lines().count(), export.err());
        assertTrue(export.err().contains(out.toString()) && export.err().contains("refusing"), export.err());
        assertEquals("mine", Files.readString(out));
    }

    @Test
    void aSiblingTmpFolderItDidNotCreateIsLeftAlone(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("exported");
        Path sibling = tmp.resolve("exported.tmp");
        Files.createDirectories(sibling);
        Files.writeString(sibling.resolve("keep.txt"), "mine");
        CliRun export = CliRun.of("export", runWithoutModels(tmp).toString(), "--out", out.toString());
        assertEquals(2, export.exitCode(), export.err());
        assertTrue(export.err().contains("missing SavedModel"), export.err());
        assertEquals("mine", Files.readString(sibling.resolve("keep.txt")));
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().startsWith("exported.export-")).count(),
                    "a failed export cleans up its own staging folder");
        }
    }

    /** A run whose "SavedModels" are one file each: enough for export, which only copies them. */
    private static Path exportableRun(Path tmp) throws Exception {
        Path run = runWithoutModels(tmp);
        for (String model : org.ichnet.model.PaperModels.NAMES) {
            Files.createDirectories(run.resolve("models").resolve(model));
            Files.writeString(run.resolve("models").resolve(model).resolve("saved_model.pb"), model);
        }
        return run;
    }

    @Test
    void aNonEmptyFolderIsRefusedWithoutForce(@TempDir Path tmp) throws Exception {
        Path run = exportableRun(tmp);
        Path out = tmp.resolve("exported");
        assertEquals(0, CliRun.of("export", run.toString(), "--out", out.toString()).exitCode());
        Files.writeString(out.resolve("mine.txt"), "mine");
        CliRun again = CliRun.of("export", run.toString(), "--out", out.toString());
        assertEquals(2, again.exitCode(), again.err());
        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(again.err().contains(out.toString()) && again.err().contains("--force"), again.err());
        assertEquals("mine", Files.readString(out.resolve("mine.txt")));
    }

    @Test
    void forceReplacesTheFolderAndLeavesNothingBeside(@TempDir Path tmp) throws Exception {
        Path run = exportableRun(tmp);
        Path out = Files.createDirectories(tmp.resolve("exported"));
        Files.writeString(out.resolve("old.txt"), "old");
        CliRun export = CliRun.of("export", run.toString(), "--out", out.toString(), "--force");
        assertEquals(0, export.exitCode(), export.err());
        assertFalse(Files.exists(out.resolve("old.txt")));
        assertEquals("model2", Files.readString(out.resolve("model2/saved_model.pb")));
        assertTrue(Files.isRegularFile(out.resolve("MODEL_CARD.md")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("exported", "run"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anEmptyFolderNeedsNoForce(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("exported"));
        CliRun export = CliRun.of("export", exportableRun(tmp).toString(), "--out", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(Files.isRegularFile(out.resolve("ensemble.json")));
    }
}
