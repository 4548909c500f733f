package org.ichnet.spark;

import org.apache.spark.SparkConf;
import org.ichnet.api.LoadOptions;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TensorFlow threads of an executor's model: the executor's cores that its tasks use. Each task running at once
 * has {@code spark.task.cpus} of them, but the tasks share one model ({@link ModelHolder}) and TensorFlow's thread
 * pools belong to the process, so the model gets every running task's share together: {@code spark.task.cpus} times
 * the tasks at once ({@code cores / spark.task.cpus}), at least 1. A JVM that sees more processors than the executor
 * has cores (a container without a CPU limit) then no longer starts a TensorFlow thread per processor.
 *
 * @param bound at most this many threads, or 0: TensorFlow's default, a thread per processor the executor's JVM sees
 */
record ModelThreads(int bound) implements Serializable {
    static final ModelThreads DEFAULT = new ModelThreads(0);

    /** {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}: N threads; {@code local-cluster[W,C,M]}: C. */
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[\\s*([0-9]+|\\*)\\s*(?:,\\s*[0-9]+\\s*)?])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*[0-9]+\\s*,\\s*([0-9]+)\\s*,\\s*[0-9]+\\s*]");

    /**
     * From the job's conf: a local master's threads, else {@code spark.executor.cores}; without either (a standalone
     * executor takes its worker's cores) {@link #DEFAULT}.
     */
    static ModelThreads of(SparkConf conf) {
        int cores = cores(conf.get("spark.master", ""), conf);
        if (cores == 0) return DEFAULT;
        int taskCpus = Math.max(1, conf.getInt("spark.task.cpus", 1));
        int atOnce = Math.max(1, cores / taskCpus);
        return new ModelThreads(Math.max(1, Math.min(cores, atOnce * taskCpus)));
    }

    private static int cores(String master, SparkConf conf) {
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            String n = local.group(1);
            if (n == null) return 1;
            return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches()) return Integer.parseInt(cluster.group(1));
        return conf.getInt("spark.executor.cores", 0);
    }

    /** How {@link ModelHolder} loads the model. */
    LoadOptions options() {
        return bound == 0 ? LoadOptions.defaults() : LoadOptions.threads(bound);
    }
}
