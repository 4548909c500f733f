package org.ichnet.spark;

import java.util.List;

/**
 * A batch run's settings.
 *
 * @param inputs files, folders and manifests (.csv/.parquet with a {@code path} column), any Hadoop path
 * @param out    the output folder (any Hadoop path)
 * @param model  a model folder, or {@link ModelHolder#SHIPPED}
 * @param csv    also write {@code predictions.csv}
 * @param resume continue a run in {@code out}, skipping its finished scans
 */
record BatchSettings(List<String> inputs, String out, String model, boolean csv, boolean resume) {
}
