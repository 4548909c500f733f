package org.ichnet.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A manifest: a CSV (with a header) or Parquet file listing inputs in a {@code path} column; each path is read as
 * an {@code --input} would be (a file or a folder, local or on any Hadoop file system).
 */
final class Manifest {
    static final String COLUMN = "path";

    private Manifest() {
    }

    static boolean is(String input) {
        String name = input.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".parquet");
    }

    static List<String> paths(SparkSession spark, String manifest) {
        Dataset<Row> table = manifest.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? spark.read().option("header", "true").csv(manifest) : spark.read().parquet(manifest);
        if (!Arrays.asList(table.columns()).contains(COLUMN)) {
            throw new BadInputException(manifest + ": manifest has no '" + COLUMN + "' column (columns: "
                    + String.join(", ", table.columns()) + ")");
        }
        List<String> paths = new ArrayList<>();
        for (Row r : table.select(COLUMN).collectAsList()) if (!r.isNullAt(0) && !r.getString(0).isBlank()) paths.add(r.getString(0).strip());
        if (paths.isEmpty()) throw new BadInputException(manifest + ": manifest lists no paths");
        return paths;
    }
}
