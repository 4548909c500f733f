package org.ichnet.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ichnet.api.Ichnet;
import org.ichnet.api.IchnetException;
import org.ichnet.api.LoadOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One loaded model per executor JVM and model, shared by every task of the JVM ({@link Ichnet} is thread-safe):
 * loading three SavedModels takes seconds, a scan milliseconds. A remote model folder (HDFS, S3A) is copied to a
 * local temporary folder once. Loaded with at most the executor's cores as TensorFlow threads ({@link ModelThreads});
 * the first load's bound holds, as TensorFlow's thread pools do. Closed when the JVM exits.
 */
final class ModelHolder {
    /** The model spec meaning "the shipped model" ({@code models/ich-wa2d}), the one {@code predict} uses without {@code --model}. */
    static final String SHIPPED = "shipped";

    private static final Map<String, Ichnet> LOADED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LOADED.values().forEach(Ichnet::close), "ichnet-models-close"));
    }

    private ModelHolder() {
    }

    /** The model for {@code spec}: {@link #SHIPPED}, or a model folder's path (local or any Hadoop file system). */
    static Ichnet get(String spec, HadoopConf conf, ModelThreads threads) throws IchnetException {
        Ichnet model = LOADED.get(spec);
        if (model != null) return model;
        synchronized (ModelHolder.class) {
            model = LOADED.get(spec);
            if (model == null) {
                model = load(spec, conf, threads);
                LOADED.put(spec, model);
            }
            return model;
        }
    }

    /**
     * Starts loading a local model (the shipped one or a local folder) on a background thread, for a local master:
     * the driver is then the executor, so the load overlaps Spark's start-up instead of delaying the first task.
     * A failure is left to {@link #get}, which tries again and reports it as the scans' error.
     */
    static void warm(String spec, ModelThreads threads) {
        if (!spec.equals(SHIPPED) && Paths.local(spec).isEmpty()) return;
        Thread t = new Thread(() -> {
            try {
                get(spec, null, threads);
            } catch (IchnetException | RuntimeException e) {
                // reported by the tasks' own get()
            }
        }, "ichnet-model-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Loads the model's TensorFlow sessions now, not at its first scan ({@link Ichnet#shipped()} loads lazily). */
    private static Ichnet load(String spec, HadoopConf conf, ModelThreads threads) throws IchnetException {
        Ichnet model = open(spec, conf, threads.options());
        try {
            model.model();
        } catch (IchnetException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    private static Ichnet open(String spec, HadoopConf conf, LoadOptions options) throws IchnetException {
        if (spec.equals(SHIPPED)) return Ichnet.shipped(options);
        var local = Paths.local(spec);
        if (local.isPresent()) return Ichnet.load(local.get(), options);
        try {
            java.nio.file.Path temp = Files.createTempDirectory("ichnet-model-");
            Path from = new Path(spec);
            FileSystem fs = from.getFileSystem(conf.get());
            java.nio.file.Path copy = temp.resolve(from.getName());
            fs.copyToLocalFile(false, from, new Path(copy.toUri()), true);
            return Ichnet.load(copy, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the model " + spec + ": " + e.getMessage(), e);
        }
    }
}
