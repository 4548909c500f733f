package org.ichnet.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One batch run: find the scans, skip the finished ones ({@code --resume}), predict each scan in one task with the
 * executor's model, write the slice and scan tables, and with {@code --format csv} also {@code predictions.csv}.
 */
final class BatchJob {

    /**
     * What a run did, for the summary line and the tests.
     *
     * @param predictions how many inputs the tasks predicted (a file, a folder or a DICOM series; one scan each but
     *                    for a folder of several DICOM series), counted by Spark over the successful tasks: no
     *                    input is counted twice unless its prediction ran twice, e.g. once per table
     */
    record Summary(int batch, long scans, long failedScans, long slices, long skipped, long predictions, Path output) {
    }

    /** Tasks per core, at most: one scan per task up to this, so that the stage's last tasks are short. */
    static final int TASKS_PER_CORE = 32;

    private BatchJob() {
    }

    static Summary run(SparkSession spark, BatchSettings settings) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        List<String> inputs = new ArrayList<>();
        for (String input : settings.inputs()) {
            if (Manifest.is(input)) inputs.addAll(Manifest.paths(spark, input));
            else inputs.add(input);
        }
        ScanDiscovery.Found found = ScanDiscovery.discover(inputs, spark.sparkContext().hadoopConfiguration());
        // the member columns (model1..3 for the shipped models/ich-wa2d), from ensemble.json: the driver loads no model
        List<String> members = ModelMeta.read(settings.model(), spark.sparkContext().hadoopConfiguration()).members();

        BatchOutput output = new BatchOutput(spark, settings.out());
        int batch = output.prepare(settings.resume());
        Set<String> done = settings.resume() ? output.doneScans() : Set.of();
        Broadcast<Set<String>> finished = sc.broadcast(done);

        int maxTasks = sc.defaultParallelism() * TASKS_PER_CORE;
        List<ScanUnit> todo = found.scans().stream().filter(u -> !done.contains(u.id())).toList();
        JavaRDD<ScanUnit> units = sc.parallelize(todo, Math.max(1, Math.min(todo.size(), maxTasks)));
        if (!found.dicomCandidates().isEmpty()) {
            int files = found.dicomCandidates().size();
            units = units.union(DicomSeriesGrouping.group(sc, found.dicomCandidates(), conf,
                            Math.min(files, sc.defaultParallelism() * 4), Math.min(files, maxTasks))
                    .filter(u -> !finished.value().contains(u.id())));
        }
        ScanPredictor predictor = new ScanPredictor(settings.model(), conf, members, ModelThreads.of(sc.getConf()));
        LongAccumulator predictions = sc.sc().longAccumulator("ichnet scans predicted");
        JavaRDD<Row> rows = units.flatMap(u -> {
            predictions.add(1);
            return predictor.predict(u).iterator();
        });
        // one job predicts every scan into the cache and counts; both tables are then written from the cache
        Dataset<Row> scans = spark.createDataFrame(rows, BatchSchema.scan(members)).persist(StorageLevel.MEMORY_AND_DISK());
        Row counts;
        try {
            counts = scans.selectExpr("count(*)", "count(error)", "coalesce(sum(slice_count), 0)").first();
            output.write(scans, batch, Math.max(1, Math.min(units.getNumPartitions(), sc.defaultParallelism())));
        } finally {
            scans.unpersist();
        }
        if (settings.csv()) CsvExport.write(output, members);
        return new Summary(batch, counts.getLong(0), counts.getLong(1), counts.getLong(2), done.size(),
                predictions.value(), output.folder());
    }
}
