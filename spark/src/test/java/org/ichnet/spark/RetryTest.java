package org.ichnet.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A task that dies is retried by Spark ({@code local[2,2]}: two attempts), and the tables have every scan once and
 * equal those of a run without the failure: whether the task dies while predicting (reading its scan) or after
 * writing its part of a table (the committer drops the failed attempt's file).
 */
class RetryTest {
    private static final String[] PATIENTS = {"062", "066", "068", "071"};

    @AfterEach
    void noFaults() {
        FlakyFileSystem.reset();
    }

    @Test
    void aTaskThatDiesWhilePredictingIsRetriedWithNoDuplicateOrLostRows(@TempDir Path tmp) throws Exception {
        // read through flaky:// so that the fault can kill the task reading p3's slices
        String in = FlakyFileSystem.uri(archive(tmp.resolve("in")));
        BatchJob.Summary clean = LocalSpark.run(tmp.resolve("clean").toString(), ModelHolder.SHIPPED, false, false, List.of(in));

        FlakyFileSystem.killReaderOfFirstAttempt = Pattern.compile("/in/p3/");
        BatchJob.Summary retried = LocalSpark.run(tmp.resolve("retried").toString(), ModelHolder.SHIPPED, false, false, List.of(in));

        assertEquals(1, FlakyFileSystem.injected.get(), "the first attempt of p3's task died");
        assertSameTables(tmp.resolve("clean"), tmp.resolve("retried"));
        assertEquals(clean.slices(), retried.slices());
    }

    @Test
    void aTaskThatFailsAfterWritingItsFileIsRetriedWithNoDuplicateOrLostRows(@TempDir Path tmp) throws Exception {
        Path in = archive(tmp.resolve("in"));
        LocalSpark.run(tmp.resolve("clean"), false, false, in);

        // the slice table's first part file is written in full, then its task fails; the retry writes it again
        FlakyFileSystem.failWriterOfFirstAttempt = Pattern.compile("/retried/slices/.*/part-00000-");
        LocalSpark.run(FlakyFileSystem.uri(tmp.resolve("retried")), ModelHolder.SHIPPED, false, false, List.of(in.toString()));

        assertEquals(1, FlakyFileSystem.injected.get(), "the first attempt of the first slice-writing task failed");
        assertSameTables(tmp.resolve("clean"), tmp.resolve("retried"));
        try (Stream<Path> files = Files.walk(tmp.resolve("retried"))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().equals("_temporary")), "no attempt's files left");
        }
    }

    /** Four patients of the bundled sample, two slices each: four scans, one task each. */
    private static Path archive(Path in) throws Exception {
        for (int i = 0; i < PATIENTS.length; i++) LocalSpark.slices(in.resolve("p" + (i + 1)), PATIENTS[i], 2);
        return in;
    }

    /** Both tables of {@code actual} hold every scan and slice of {@code expected} once, with the same values. */
    private static void assertSameTables(Path expected, Path actual) {
        for (String table : List.of(BatchOutput.SLICE_TABLE, BatchOutput.SCAN_TABLE)) {
            List<String> want = rows(expected.resolve(table)), got = rows(actual.resolve(table));
            assertEquals(want, got, table);
        }
        Dataset<Row> scans = LocalSpark.get().read().parquet(actual.resolve(BatchOutput.SCAN_TABLE).toString());
        assertEquals(PATIENTS.length, scans.count());
        assertEquals(PATIENTS.length, scans.select("scan_id").distinct().count(), "every scan once");
        Dataset<Row> slices = LocalSpark.get().read().parquet(actual.resolve(BatchOutput.SLICE_TABLE).toString());
        assertEquals(2L * PATIENTS.length, slices.count());
        assertEquals(2L * PATIENTS.length, slices.select("path").distinct().count(), "every slice once");
    }

    /** A table's rows as text, sorted, with the run's own folder left out of the paths. */
    private static List<String> rows(Path table) {
        String run = table.getParent().getFileName().toString();
        return LocalSpark.get().read().parquet(table.toString()).collectAsList().stream()
                .map(r -> r.toString().replace("/" + run + "/", "/RUN/")).sorted().toList();
    }
}
