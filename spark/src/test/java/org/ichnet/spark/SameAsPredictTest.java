package org.ichnet.spark;

import org.apache.spark.sql.Row;
import org.ichnet.cli.PredictCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job on the bundled sample gives predict --csv's rows: same paths, same columns, numbers within 1e-6. */
class SameAsPredictTest {

    @Test
    void bundledSampleEqualsPredictCsvRowForRow(@TempDir Path tmp) throws Exception {
        Path sample = LocalSpark.repo("sample/ct-ich-sample"), dicom = LocalSpark.repo("sample/ct-ich-dicom");
        BatchJob.Summary summary = LocalSpark.run(tmp.resolve("out"), true, false, sample, dicom);

        List<String> args = new ArrayList<>(List.of("--csv", tmp.resolve("predict.csv").toString(), "--no-progress"));
        try (Stream<Path> patients = Files.list(sample.resolve("Patients_CT"))) {
            patients.sorted().forEach(p -> args.add(p.toString()));
        }
        args.add(dicom.toString());
        assertEquals(0, new CommandLine(new PredictCommand()).execute(args.toArray(new String[0])));

        List<String> expected = sortedRows(tmp.resolve("predict.csv")), actual = sortedRows(tmp.resolve("out/predictions.csv"));
        assertEquals(expected.get(0), actual.get(0), "header");
        assertEquals(expected.size(), actual.size(), "rows");
        assertTrue(expected.size() > 240, "the sample's 239 JPG slices and 2 DICOM slices: " + expected.size());
        for (int i = 1; i < expected.size(); i++) {
            String[] e = expected.get(i).split(","), a = actual.get(i).split(",");
            assertEquals(e.length, a.length);
            assertEquals(e[0], a[0], "path");
            for (int c = 1; c < e.length; c++) {
                if (c == 5) assertEquals(e[c], a[c], "predicted of " + e[0]);
                else assertEquals(Double.parseDouble(e[c]), Double.parseDouble(a[c]), 1e-6, e[0] + " column " + c);
            }
        }
        assertEquals(11, summary.scans(), "9 patient folders and 2 DICOM series");
        assertEquals(0, summary.failedScans());

        Row scan = LocalSpark.get().read().parquet(tmp.resolve("out/scans").toString())
                .where("source like '%/071'").first();
        assertEquals("071", scan.getAs("name"));
        String version = scan.getAs("model_version");
        assertTrue(version.matches("[^@]+@[0-9a-f]{12}"), version);
        assertTrue(((String) scan.getAs("decision")).contains("slices"));
        assertEquals(0, LocalSpark.get().read().parquet(tmp.resolve("out/slices").toString()).where("error is not null").count());
    }

    /** Header first, then the rows sorted by path (the job orders by scan, predict by input). */
    private static List<String> sortedRows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.sort(null);
        rows.add(0, lines.get(0));
        return rows;
    }
}
