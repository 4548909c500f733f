package org.ichnet.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.ichnet.api.PredictionCsv;
import org.ichnet.api.SliceClass;
import org.ichnet.api.SliceResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * {@code --format csv}: the slice table of every finished run as one {@code predictions.csv} with exactly
 * {@code predict --csv}'s columns and numbers ({@link PredictionCsv}), ordered by source, scan and slice. Error rows
 * stay in the Parquet table only, as {@code predict} prints skipped files on stderr, not in its CSV. Streamed
 * through the driver into a temporary file that is renamed over the old one.
 */
final class CsvExport {
    static final String FILE = "predictions.csv";

    private CsvExport() {
    }

    static Path write(BatchOutput output, List<String> members) throws IOException {
        Path target = new Path(output.folder(), FILE);
        Path temp = new Path(output.folder(), "." + FILE + ".tmp");
        Iterator<Row> rows = output.table(BatchOutput.SLICE_TABLE).where(col("error").isNull())
                .orderBy("source", "scan_id", "slice_index").toLocalIterator();
        try (FSDataOutputStream stream = output.fileSystem().create(temp, true);
             BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
            out.write(PredictionCsv.header(members));
            out.write('\n');
            while (rows.hasNext()) {
                out.write(PredictionCsv.row(slice(rows.next(), members), members));
                out.write('\n');
            }
        }
        output.fileSystem().delete(target, false);
        if (!output.fileSystem().rename(temp, target)) throw new IOException("cannot rename " + temp + " to " + target);
        return target;
    }

    /** A slice row back as the API's result, for {@link PredictionCsv#row}. */
    private static SliceResult slice(Row row, List<String> members) {
        Map<String, Map<SliceClass, Float>> byMember = new LinkedHashMap<>();
        for (String m : members) byMember.put(m, probabilities(row, m + "_p_"));
        return new SliceResult(row.getAs("path"), SliceClass.valueOf(row.getAs("predicted")), probabilities(row, "p_"), byMember);
    }

    private static Map<SliceClass, Float> probabilities(Row row, String prefix) {
        Map<SliceClass, Float> p = new EnumMap<>(SliceClass.class);
        for (SliceClass c : SliceClass.values()) p.put(c, row.getAs(prefix + c.name()));
        return p;
    }
}
