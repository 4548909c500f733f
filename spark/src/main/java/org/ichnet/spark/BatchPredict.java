package org.ichnet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.ichnet.api.IchnetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ichnet batch} / {@code spark-submit --class org.ichnet.spark.BatchPredict ichnet-spark.jar}: the ensemble
 * over an archive on Apache Spark, Parquet out (docs/SPARK.md).
 */
@Command(name = "ichnet batch", mixinStandardHelpOptions = true,
        description = "Predict every scan under the inputs on Apache Spark: Parquet tables of slices and scans in OUT "
                + "(the numbers of `ichnet predict`). Inputs and OUT may be local, HDFS or S3A paths.")
public final class BatchPredict implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Files or folders (DICOM series, NIfTI, CT-ICH patient folders, JPG/PNG), or a manifest .csv/.parquet with a 'path' column")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: slices/, scans/ (Parquet), predictions.csv with --format csv")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master; default: spark-submit's, else local[*]")
    String master;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "parquet|csv",
            description = "csv: also one predictions.csv with exactly predict --csv's columns (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder (any Hadoop path); default: the shipped models/ich-wa2d, as in predict")
    String model;

    @Option(names = "--resume", description = "Continue the run in OUT: skip the scans it finished")
    boolean resume;

    enum Format { parquet, csv }

    @Override
    public Integer call() throws Exception {
        String modelSpec = model == null ? ModelHolder.SHIPPED : model;
        SparkConf conf = new SparkConf().setAppName("ichnet batch")
                // job commit renames task output into place: a killed job leaves no half-written table
                .setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "1");
        if (master != null) conf.setMaster(master);
        else conf.setIfMissing("spark.master", "local[*]");
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        if (ownSession && conf.get("spark.master").startsWith("local")) {
            // one JVM is driver and executor: its model loads while Spark starts (docs/SPARK.md, "Local runs")
            ModelHolder.warm(modelSpec, ModelThreads.of(conf));
            localDefaults(conf);
        }
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            long t0 = System.nanoTime();
            BatchJob.Summary s = BatchJob.run(spark, new BatchSettings(inputs, out, modelSpec, format == Format.csv, resume));
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.err.printf("ichnet batch: %d scans (%d with an error row), %d slices in %.1f s (%.0f slices/s; Spark "
                            + "started in %.1f s)%s -> %s%n",
                    s.scans(), s.failedScans(), s.slices(), seconds, s.slices() / seconds, (t0 - start) / 1e9,
                    resume ? ", " + s.skipped() + " finished scans skipped" : "", s.output());
        } finally {
            if (ownSession) spark.stop();
        }
        return 0;
    }

    /**
     * What a local run does without: the web UI (a Jetty server and its ~30 handlers start with the context, and
     * listeners follow every task) and 200 shuffle partitions for the job's few small shuffles on a few cores.
     * Settings given as -Dspark.* (ICHNET_JAVA_OPTS) or by spark-submit come first.
     */
    static void localDefaults(SparkConf conf) {
        conf.setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.sql.shuffle.partitions", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code: bad input is one line on stderr and exit 2. */
    static int execute(String... args) {
        CommandLine cli = new CommandLine(new BatchPredict()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (e instanceof BadInputException || e instanceof IchnetException || e instanceof AnalysisException) {
                        System.err.println("ichnet batch: " + e.getMessage().lines().findFirst().orElse(""));
                        return EXIT_BAD_INPUT;
                    }
                    throw e;
                });
        return cli.execute(args);
    }
}
