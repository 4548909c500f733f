package org.ichnet.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad files become error rows (a DICOM slice whose pixels do not decode too, once, its series predicted), a DICOM
 * series over two folders stays one scan, --resume skips finished scans, and a
 * missing input or a folder that is no model is one line and exit 2.
 */
class FaultsTest {

    @Test
    void corruptFilesAmongGoodOnesGiveErrorRowsAndTheRestIsPredicted(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Path good = LocalSpark.slices(in.resolve("good"), "062", 4);
        Files.write(good.resolve("9999.jpg"), "not a jpeg".getBytes(StandardCharsets.UTF_8));
        Files.write(in.resolve("broken.nii"), new byte[400]);
        Files.write(in.resolve("broken.dcm"), "DICM?".getBytes(StandardCharsets.UTF_8));

        BatchJob.Summary s = LocalSpark.run(tmp.resolve("out"), false, false, in);

        assertEquals(3, s.scans());
        assertEquals(2, s.failedScans(), "the NIfTI and the DICOM file cannot be read at all");
        Dataset<Row> slices = LocalSpark.get().read().parquet(tmp.resolve("out/slices").toString());
        assertEquals(4, slices.where("error is null and p_NORMAL is not null").count(), "every good slice is predicted");
        List<Row> errors = slices.where("error is not null").orderBy("path").collectAsList();
        assertEquals(3, errors.size());
        assertTrue(errors.get(0).<String>getAs("path").endsWith("broken.dcm"));
        assertTrue(errors.get(1).<String>getAs("path").endsWith("broken.nii"));
        assertTrue(errors.get(2).<String>getAs("path").endsWith("9999.jpg"));
        Row goodScan = LocalSpark.get().read().parquet(tmp.resolve("out/scans").toString()).where("name = 'good'").first();
        assertNull(goodScan.getAs("error"));
        assertEquals(1, (int) goodScan.getAs("skipped_files"));
        assertEquals(4, (int) goodScan.getAs("slice_count"));
    }

    @Test
    void aDicomSeriesSpreadOverTwoFoldersStaysOneScan(@TempDir Path tmp) throws Exception {
        LocalSpark.dicomCopies(tmp, "a/first.dcm", "b/second.dcm");

        BatchJob.Summary s = LocalSpark.run(tmp.resolve("out"), false, false, tmp.resolve("a"), tmp.resolve("b"));

        assertEquals(1, s.scans());
        Row scan = LocalSpark.get().read().parquet(tmp.resolve("out/scans").toString()).first();
        assertTrue(scan.<String>getAs("scan_id").startsWith(DicomSeriesGrouping.SERIES), scan.<String>getAs("scan_id"));
        assertEquals(2, (int) scan.getAs("slice_count"));
        List<String> paths = LocalSpark.get().read().parquet(tmp.resolve("out/slices").toString())
                .orderBy("path").select("path").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of(tmp.resolve("a/first.dcm").toString(), tmp.resolve("b/second.dcm").toString()), paths,
                "slices name the input files, not the executor's links");
    }

    @Test
    void aDicomFileWithASoundHeaderAndBrokenPixelsIsOneErrorRowAndItsSeriesIsPredicted(@TempDir Path tmp) throws Exception {
        Path fixtures = LocalSpark.repo("src/test/resources/dicom-compressed");
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("b"));
        Path good = Files.copy(fixtures.resolve("ct128-s1-explicit.dcm"), tmp.resolve("a/s1.dcm"));
        // the header reads, so it is grouped with s1 (same SeriesInstanceUID); its JPEG fragment is cut short
        Path cut = cutShort(fixtures.resolve("ct128-s2-jpeg-lossless-sv1.dcm"), tmp.resolve("b/s2.dcm"), 1000);
        // a series of one file whose pixels do not decode: nothing of it can be predicted
        Path lone = cutShort(fixtures.resolve("ct-ich-071_19-bottom36-jpeg-lossless-sv1.dcm"), tmp.resolve("b/lone.dcm"), 5000);

        BatchJob.Summary s = LocalSpark.run(tmp.resolve("out"), true, false, tmp.resolve("a"), tmp.resolve("b"));

        assertEquals(2, s.scans(), "the two series; neither broken file is a scan of its own");
        assertEquals(1, s.failedScans(), "the series whose only file does not decode");
        assertEquals(1, s.slices());
        Dataset<Row> slices = LocalSpark.get().read().parquet(tmp.resolve("out/slices").toString());
        assertEquals(List.of(good.toString()), slices.where("error is null").select("path")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList(), "the sound slice is predicted");
        List<Row> errors = slices.where("error is not null").orderBy("path").collectAsList();
        assertEquals(List.of(lone.toString(), cut.toString()), errors.stream().map(r -> r.<String>getAs("path")).toList(),
                "one error row per broken file, naming it: " + errors);
        errors.forEach(r -> assertTrue(r.<String>getAs("error").startsWith("truncated pixel data"), r.<String>getAs("error")));

        Dataset<Row> scans = LocalSpark.get().read().parquet(tmp.resolve("out/scans").toString());
        Row series = scans.where("error is null").first();
        assertTrue(series.<String>getAs("scan_id").startsWith(DicomSeriesGrouping.SERIES), series.<String>getAs("scan_id"));
        assertEquals(1, (int) series.getAs("slice_count"));
        assertEquals(1, (int) series.getAs("skipped_files"), "the broken slice counts once, as a skipped file");
        Row failed = scans.where("error is not null").first();
        assertEquals(lone + ": " + errors.get(0).<String>getAs("error"), failed.getAs("error"));
        assertEquals(2, Files.readAllLines(tmp.resolve("out").resolve(CsvExport.FILE)).size(), "header and the one predicted slice");
    }

    private static Path cutShort(Path from, Path to, int bytes) throws Exception {
        byte[] whole = Files.readAllBytes(from);
        return Files.write(to, java.util.Arrays.copyOf(whole, whole.length - bytes));
    }

    @Test
    void resumeSkipsFinishedScansAndDropsAnUnfinishedRun(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in"), out = tmp.resolve("out");
        LocalSpark.slices(in.resolve("p1"), "062", 2);
        LocalSpark.run(out, false, false, in);
        LocalSpark.slices(in.resolve("p2"), "066", 2);
        // a run killed between its two tables: slices written, scans never committed
        Path leftover = Files.createDirectories(out.resolve("slices/batch=1"));
        Files.write(leftover.resolve("part-00000.parquet"), new byte[10]);

        assertEquals(BatchPredict.EXIT_BAD_INPUT, BatchPredict.execute("--input", in.toString(), "--out", out.toString()),
                "an existing output folder needs --resume");
        BatchJob.Summary s = LocalSpark.run(out, true, true, in);

        assertEquals(2, s.batch(), "after batch 0 and the dropped batch 1");
        assertEquals(1, s.skipped());
        assertEquals(1, s.scans(), "only p2 is predicted");
        assertFalse(Files.exists(leftover), "the unfinished run's rows are gone");
        Dataset<Row> slices = LocalSpark.get().read().parquet(out.resolve("slices").toString());
        assertEquals(4, slices.count());
        assertEquals(4, slices.select("path").distinct().count(), "no slice twice");
        assertEquals(2, LocalSpark.get().read().parquet(out.resolve("scans").toString()).count());
        assertEquals(5, Files.readAllLines(out.resolve(CsvExport.FILE)).size(), "header and both runs' slices");
    }

    @Test
    void aMissingInputIsOneLineAndExitTwo(@TempDir Path tmp) {
        String text = exitTwo("--input", tmp.resolve("nothing").toString(), "--out", tmp.resolve("out").toString());
        assertTrue(text.endsWith("ichnet batch: " + tmp.resolve("nothing") + ": no such file or folder"), text);
    }

    @Test
    void aFolderThatIsNoModelIsOneLineAndExitTwoBeforeAnyTask(@TempDir Path tmp) throws Exception {
        Path in = LocalSpark.slices(tmp.resolve("in/p1"), "062", 1);
        Path model = Files.createDirectories(tmp.resolve("model"));
        String text = exitTwo("--input", in.toString(), "--out", tmp.resolve("out").toString(), "--model", model.toString());
        assertTrue(text.endsWith("ichnet batch: " + model + ": not an ichnet model folder (no ensemble.json here or in models/)"), text);

        // a manifest that names a member without its SavedModel: the driver reads ensemble.json, loads nothing
        Files.writeString(model.resolve("ensemble.json"), "{\"format\": \"ichnet-ensemble/1\", \"models\": [\"m1\"]}");
        text = exitTwo("--input", in.toString(), "--out", tmp.resolve("out").toString(), "--model", model.toString());
        assertTrue(text.endsWith("ichnet batch: " + model.resolve("m1") + ": not a SavedModel (no saved_model.pb)"), text);
        assertFalse(Files.exists(tmp.resolve("out")), "no output before the model is known to be one");
    }

    /** Runs the command, expects exit 2 and one line on stderr without a stack trace, and returns stderr. */
    private static String exitTwo(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = BatchPredict.execute(args);
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8).strip();
        assertEquals(BatchPredict.EXIT_BAD_INPUT, code, text);
        assertFalse(text.contains("\tat "), "no stack trace");
        return text;
    }
}
