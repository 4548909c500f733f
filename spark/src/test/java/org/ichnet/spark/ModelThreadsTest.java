package org.ichnet.spark;

import org.apache.spark.SparkConf;
import org.ichnet.api.LoadOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An executor's model gets the cores its running tasks hold together: local masters, cluster confs, task.cpus. */
class ModelThreadsTest {

    private static int bound(String master, String... settings) {
        SparkConf conf = new SparkConf(false).setMaster(master);
        for (int i = 0; i < settings.length; i += 2) conf.set(settings[i], settings[i + 1]);
        return ModelThreads.of(conf).bound();
    }

    @Test
    void aLocalMasterGivesItsThreads() {
        assertEquals(2, bound("local[2]"), "./ichnet batch: two tasks at once share the two threads");
        assertEquals(2, bound("local[2,2]"), "with retries");
        assertEquals(2, bound("local[2]", "spark.task.cpus", "2"), "one task at a time with both");
        assertEquals(1, bound("local"));
        assertEquals(Runtime.getRuntime().availableProcessors(), bound("local[*]"));
        assertEquals(3, bound("local-cluster[2, 3, 1024]"), "each worker's cores");
        assertEquals(2, bound("local[2]", "spark.executor.cores", "8"), "a local master ignores executor cores, as Spark does");
    }

    @Test
    void aClusterExecutorGetsItsCoresThatTasksUse() {
        assertEquals(4, bound("yarn", "spark.executor.cores", "4"), "four tasks of one cpu at once");
        assertEquals(4, bound("yarn", "spark.executor.cores", "4", "spark.task.cpus", "2"), "two tasks of two cpus");
        assertEquals(2, bound("spark://host:7077", "spark.executor.cores", "3", "spark.task.cpus", "2"), "the third core runs no task");
        assertEquals(1, bound("k8s://https://host", "spark.executor.cores", "1"));
    }

    @Test
    void withoutExecutorCoresTensorFlowKeepsItsDefault() {
        assertEquals(ModelThreads.DEFAULT, ModelThreads.of(new SparkConf(false).setMaster("spark://host:7077")));
        assertEquals(LoadOptions.defaults(), ModelThreads.DEFAULT.options());
        assertEquals(LoadOptions.threads(2), new ModelThreads(2).options());
    }
}
