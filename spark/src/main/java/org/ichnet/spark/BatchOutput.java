package org.ichnet.spark;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

/**
 * The output folder: {@code slices/} (one row per slice) and {@code scans/} (one row per scan), Parquet tables
 * written by Spark's committer, one {@code batch=N} partition per run: a run writes its slices, then its scans,
 * each committed atomically (readers never see a task's partial files). A run is finished when its
 * {@code scans/batch=N/_SUCCESS} exists; {@code --resume} first removes the partitions of a run that was not,
 * then skips the scans of the finished ones.
 */
final class BatchOutput {
    static final String SLICE_TABLE = "slices", SCAN_TABLE = "scans", BATCH = "batch=";

    private final SparkSession spark;
    private final Path out;
    private final FileSystem fs;

    BatchOutput(SparkSession spark, String out) throws IOException {
        this.spark = spark;
        Path path = new Path(out);
        this.fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        this.out = fs.makeQualified(path);
    }

    /** Checks the folder for a new run or a resumed one and returns this run's batch number. */
    int prepare(boolean resume) throws IOException {
        if (!resume) {
            if (fs.exists(out) && fs.listStatus(out).length > 0) {
                throw new BadInputException(Paths.display(out) + ": output folder exists and is not empty; --resume continues it");
            }
            return 0;
        }
        int next = 0;
        for (int batch : batches(SLICE_TABLE)) next = Math.max(next, batch + 1);
        for (int batch : batches(SCAN_TABLE)) next = Math.max(next, batch + 1);
        for (int batch : batches(SLICE_TABLE)) if (!finished(batch)) fs.delete(partition(SLICE_TABLE, batch), true);
        for (int batch : batches(SCAN_TABLE)) if (!finished(batch)) fs.delete(partition(SCAN_TABLE, batch), true);
        return next;
    }

    /** The ids of the scans of finished runs. */
    Set<String> doneScans() throws IOException {
        Set<String> done = new HashSet<>();
        if (batches(SCAN_TABLE).isEmpty()) return done;
        for (Row r : table(SCAN_TABLE).select("scan_id").collectAsList()) done.add(r.getString(0));
        return done;
    }

    /**
     * Writes the scans predicted by {@code scans} ({@link BatchSchema#scan} rows, persisted by the caller so that
     * the two tables do not predict twice) as batch {@code batch}, in at most {@code files} files per table.
     */
    void write(Dataset<Row> scans, int batch, int files) {
        Dataset<Row> few = scans.coalesce(files);
        List<Column> keys = new ArrayList<>(BatchSchema.SCAN_KEYS.stream().map(c -> col(c)).toList());
        keys.add(explode(col(BatchSchema.SLICES)).as("s"));
        List<Column> flat = new ArrayList<>(BatchSchema.SCAN_KEYS.stream().map(c -> col(c)).toList());
        flat.add(col("s.*"));
        few.select(keys.toArray(new Column[0])).select(flat.toArray(new Column[0]))
                .write().mode(SaveMode.ErrorIfExists).parquet(partition(SLICE_TABLE, batch).toString());
        few.drop(BatchSchema.SLICES).write().mode(SaveMode.ErrorIfExists).parquet(partition(SCAN_TABLE, batch).toString());
    }

    /** Every finished run's rows of {@code table}, with a {@code batch} column. */
    Dataset<Row> table(String table) {
        return spark.read().option("basePath", new Path(out, table).toString()).parquet(new Path(out, table).toString());
    }

    Path folder() {
        return out;
    }

    FileSystem fileSystem() {
        return fs;
    }

    private boolean finished(int batch) throws IOException {
        return fs.exists(new Path(partition(SCAN_TABLE, batch), "_SUCCESS"));
    }

    private Path partition(String table, int batch) {
        return new Path(new Path(out, table), BATCH + batch);
    }

    private List<Integer> batches(String table) throws IOException {
        Path folder = new Path(out, table);
        List<Integer> found = new ArrayList<>();
        if (!fs.exists(folder)) return found;
        for (FileStatus s : fs.listStatus(folder)) {
            String name = s.getPath().getName();
            if (s.isDirectory() && name.startsWith(BATCH)) found.add(Integer.parseInt(name.substring(BATCH.length())));
        }
        return found;
    }
}
