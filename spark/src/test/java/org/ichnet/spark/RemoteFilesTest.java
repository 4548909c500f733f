package org.ichnet.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs, model and output on a file system that is not the local one ({@code flaky://}, the local disk under
 * another scheme, as HDFS or S3A are to the job): the remote scans are copied to the executor and predicted as the
 * local ones, and a copy that fails half-way leaves no temporary files behind.
 */
class RemoteFilesTest {

    @AfterEach
    void noFaults() {
        FlakyFileSystem.reset();
    }

    @Test
    void aRemoteArchiveModelAndOutputGiveTheLocalRunsRows(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        LocalSpark.slices(in.resolve("p1"), "062", 3);
        LocalSpark.dicomCopies(in, "a/first.dcm", "b/second.dcm");
        LocalSpark.run(tmp.resolve("local"), true, false, in);

        Set<String> before = stagedFolders();
        BatchJob.Summary remote = LocalSpark.run(FlakyFileSystem.uri(tmp.resolve("remote")),
                FlakyFileSystem.uri(LocalSpark.repo("models/ich-wa2d")), true, false, List.of(FlakyFileSystem.uri(in)));

        assertEquals(2, remote.scans(), "the JPG folder and the DICOM series over two folders");
        assertEquals(0, remote.failedScans());
        List<String> local = Files.readAllLines(tmp.resolve("local").resolve(CsvExport.FILE));
        List<String> copied = Files.readAllLines(tmp.resolve("remote").resolve(CsvExport.FILE)).stream()
                .map(line -> line.replace(FlakyFileSystem.SCHEME + ":", "")).toList();
        assertEquals(local, copied, "the same rows, the input's own paths (flaky:/...) in place of the executor's copies");
        Row scan = LocalSpark.get().read().parquet(FlakyFileSystem.uri(tmp.resolve("remote/scans"))).orderBy("scan_id").first();
        Row localScan = LocalSpark.get().read().parquet(tmp.resolve("local/scans").toString()).orderBy("scan_id").first();
        assertEquals(localScan.<String>getAs("model_version"), scan.getAs("model_version"), "a copied model keeps its version");
        assertEquals(before, stagedFolders(), "the copies of the scans are deleted");
    }

    @Test
    void aCopyThatFailsHalfWayLeavesNoTemporaryFiles(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        LocalSpark.slices(in.resolve("p1"), "062", 3);
        LocalSpark.dicomCopies(in, "series/1.dcm", "series/2.dcm");
        // the last file of each scan cannot be read: the files before it are copied by then
        String lastJpg;
        try (Stream<Path> files = Files.list(in.resolve("p1"))) {
            lastJpg = files.map(f -> f.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        FlakyFileSystem.unreadable = Pattern.compile("/in/(p1/" + Pattern.quote(lastJpg) + "|series/2\\.dcm)$");
        HadoopConf conf = new HadoopConf(flaky());
        Set<String> before = stagedFolders();

        ScanUnit folder = ScanUnit.path(FlakyFileSystem.uri(in.resolve("p1")));
        ScanUnit series = new ScanUnit("dicom-series:1.2.3", FlakyFileSystem.uri(in.resolve("series")), ScanUnit.Kind.DICOM_SERIES,
                List.of(FlakyFileSystem.uri(in.resolve("series/1.dcm")), FlakyFileSystem.uri(in.resolve("series/2.dcm"))));
        assertThrows(IOException.class, () -> Staged.of(folder, conf).close());
        assertThrows(IOException.class, () -> Staged.of(series, conf).close());

        assertEquals(2, FlakyFileSystem.injected.get(), "each copy failed at its last file");
        assertEquals(before, stagedFolders(), "no partial copy left in " + System.getProperty("java.io.tmpdir"));
        // in a job the scan is an error row and the job goes on
        List<String> members = List.of("model1", "model2", "model3");
        Row row = new ScanPredictor(ModelHolder.SHIPPED, conf, members, ModelThreads.DEFAULT).predict(folder).get(0);
        String error = row.getString(BatchSchema.scan(members).fieldIndex("error"));
        assertTrue(error.contains("injected read failure"), error);
        assertEquals(before, stagedFolders());
    }

    /** The executors' temporary copies of scans and series that exist now. */
    private static Set<String> stagedFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("ichnet-scan-") || n.startsWith("ichnet-series-")).collect(Collectors.toSet());
        }
    }

    private static Configuration flaky() {
        Configuration conf = new Configuration(false);
        conf.set("fs." + FlakyFileSystem.SCHEME + ".impl", FlakyFileSystem.class.getName());
        return conf;
    }
}
