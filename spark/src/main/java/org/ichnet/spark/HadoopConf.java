package org.ichnet.spark;

import org.apache.hadoop.conf.Configuration;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** The driver's Hadoop configuration (credentials and file-system settings) carried to the executors. */
final class HadoopConf implements Serializable {
    private final Map<String, String> entries = new HashMap<>();
    private transient Configuration conf;

    HadoopConf(Configuration from) {
        from.forEach(e -> entries.put(e.getKey(), e.getValue()));
    }

    synchronized Configuration get() {
        if (conf == null) {
            conf = new Configuration(false);
            entries.forEach(conf::set);
        }
        return conf;
    }
}
