package org.ichnet.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ichnet.api.IchnetException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One batch run: find the scans, skip the finished ones ({@code --resume}), predict each scan in one task with the
 * executor's model, write the slice and scan tables, and with {@code --format csv} also {@code predictions.csv}.
 */
final class BatchJob {

    /** What a run did, for the summary line and the tests. */
    record Summary(int batch, long scans, long failedScans, long slices, long skipped, Path output) {
    }

    private BatchJob() {
    }

    static Summary run(SparkSession spark, BatchSettings settings) throws IOException, IchnetException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        List<String> inputs = new ArrayList<>();
        for (String input : settings.inputs()) {
            if (Manifest.is(input)) inputs.addAll(Manifest.paths(spark, input));
            else inputs.add(input);
        }
        ScanDiscovery.Found found = ScanDiscovery.discover(inputs, spark.sparkContext().hadoopConfiguration());
        // the member columns: the model's (model1..3 for the shipped models/ich-wa2d)
        List<String> members = ModelHolder.get(settings.model(), conf).model().members();

        BatchOutput output = new BatchOutput(spark, settings.out());
        int batch = output.prepare(settings.resume());
        Set<String> done = settings.resume() ? output.doneScans() : Set.of();
        Broadcast<Set<String>> finished = sc.broadcast(done);

        int partitions = Math.max(1, Math.min(found.scans().size() + found.dicomCandidates().size(), sc.defaultParallelism() * 4));
        JavaRDD<ScanUnit> units = sc.parallelize(found.scans().stream().filter(u -> !done.contains(u.id())).toList(), partitions);
        if (!found.dicomCandidates().isEmpty()) {
            units = units.union(DicomSeriesGrouping.group(sc, found.dicomCandidates(), conf, partitions)
                    .filter(u -> !finished.value().contains(u.id())));
        }
        ScanPredictor predictor = new ScanPredictor(settings.model(), conf, members);
        JavaRDD<Row> rows = units.flatMap(u -> predictor.predict(u).iterator());
        output.write(spark.createDataFrame(rows, BatchSchema.scan(members)), batch);

        Row counts = output.table(BatchOutput.SCAN_TABLE).where("batch = " + batch)
                .selectExpr("count(*)", "count(error)", "coalesce(sum(slice_count), 0)").first();
        if (settings.csv()) CsvExport.write(output, members);
        return new Summary(batch, counts.getLong(0), counts.getLong(1), counts.getLong(2), done.size(), output.folder());
    }
}
