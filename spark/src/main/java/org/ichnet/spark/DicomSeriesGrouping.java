package org.ichnet.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ichnet.api.IchnetException;
import org.ichnet.api.Inputs;
import scala.Tuple2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * DICOM files into series, on the executors: each file's SeriesInstanceUID is read from its header (no pixel is
 * decoded), as {@code predict} groups a folder, and the files of one UID become one scan, whichever folders they lie
 * in. Files without a UID form one scan per folder; a {@code .dcm} file whose header cannot be read becomes a scan of
 * its own (its error row); a file whose header reads but whose pixels do not decode goes with its series, whose
 * prediction skips it (a slice row with its error); a file without extension and without the DICM marker is not
 * DICOM and is left out, as {@code predict} leaves it out of a folder.
 */
final class DicomSeriesGrouping {
    static final String SERIES = "dicom-series:", UNTAGGED = "dicom-untagged:", SINGLE = "file:";

    private DicomSeriesGrouping() {
    }

    /**
     * @param readers tasks reading the files' headers
     * @param series  partitions of the series (the tasks that predict them)
     */
    static JavaRDD<ScanUnit> group(JavaSparkContext sc, List<String> files, HadoopConf conf, int readers, int series) {
        return sc.parallelize(files, Math.max(1, readers))
                .flatMapToPair(file -> key(file, conf).map(k -> new Tuple2<>(k, file)).stream().iterator())
                .groupByKey(Math.max(1, series))
                .map(group -> unit(group._1(), group._2()));
    }

    private static Optional<String> key(String file, HadoopConf conf) throws IOException {
        // a remote file is copied once to read its header, and again with its series: headers are not ranged reads yet
        try (Staged staged = Staged.of(ScanUnit.path(file), conf)) {
            java.nio.file.Path local = staged.paths().get(0);
            boolean named = local.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".dcm");
            if (!named && !Inputs.isDicom(local)) return Optional.empty();
            try {
                return Optional.of(Inputs.dicomSeriesUid(local).map(uid -> SERIES + uid)
                        .orElse(UNTAGGED + Paths.display(new Path(file).getParent())));
            } catch (IchnetException e) {
                return Optional.of(SINGLE + file);
            }
        }
    }

    private static ScanUnit unit(String key, Iterable<String> grouped) {
        List<String> files = new ArrayList<>();
        grouped.forEach(files::add);
        Collections.sort(files);
        if (key.startsWith(SINGLE)) return ScanUnit.path(files.get(0));
        String source = Paths.display(new Path(files.get(0)).getParent());
        return new ScanUnit(key, source, ScanUnit.Kind.DICOM_SERIES, files);
    }
}
