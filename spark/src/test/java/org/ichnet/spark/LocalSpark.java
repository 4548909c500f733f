package org.ichnet.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One Spark session for every test class (started once per test JVM), quiet and small: two task threads, and a
 * failed task is tried twice ({@code local[2,2]}, as a cluster retries it); {@code flaky://} is the local disk as a
 * remote file system ({@link FlakyFileSystem}).
 */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2,2]").appName("ichnet-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "1")
                    .config("spark.hadoop.fs." + FlakyFileSystem.SCHEME + ".impl", FlakyFileSystem.class.getName())
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }

    /** The repository root's file (tests run there: Surefire's working directory). */
    static Path repo(String relative) {
        return Path.of(relative).toAbsolutePath().normalize();
    }

    static BatchJob.Summary run(Path out, boolean csv, boolean resume, Path... inputs) throws Exception {
        List<String> paths = java.util.Arrays.stream(inputs).map(Path::toString).toList();
        return run(out.toString(), ModelHolder.SHIPPED, csv, resume, paths);
    }

    /** A run with Hadoop paths (any file system) and a model spec. */
    static BatchJob.Summary run(String out, String model, boolean csv, boolean resume, List<String> inputs) throws Exception {
        BatchJob.Summary s = BatchJob.run(get(), new BatchSettings(inputs, out, model, csv, resume));
        // the tests' inputs are one scan each: each predicted once, for both tables and despite retries
        assertEquals(s.scans(), s.predictions(), "each scan predicted once");
        return s;
    }

    /** The first {@code n} brain-window slices of a bundled patient, as a folder of JPGs. */
    static Path slices(Path folder, String patient, int n) throws Exception {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(repo("sample/ct-ich-sample/Patients_CT/" + patient + "/brain"))) {
            for (Path f : files.sorted().limit(n).toList()) Files.copy(f, folder.resolve(f.getFileName()));
        }
        return folder;
    }

    /** The bundled DICOM slice copied to each of {@code files} under {@code folder} (one series, wherever they lie). */
    static void dicomCopies(Path folder, String... files) throws Exception {
        Path dicom = repo("sample/ct-ich-dicom/071_14.dcm");
        for (String file : files) {
            Path copy = folder.resolve(file);
            Files.createDirectories(copy.getParent());
            Files.copy(dicom, copy);
        }
    }
}
