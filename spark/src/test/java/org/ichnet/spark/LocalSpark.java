package org.ichnet.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.List;

/** One local[2] Spark session for every test class (started once per test JVM), quiet and small. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("ichnet-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "1")
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
        return BatchJob.run(get(), new BatchSettings(paths, out.toString(), ModelHolder.SHIPPED, csv, resume));
    }
}
