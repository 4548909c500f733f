package org.ichnet.model;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RewriterConfig;

import static org.junit.jupiter.api.Assertions.*;

/** The one ConfigProto every session is made with carries the thread bound beside bf16. */
class RuntimeOptionsTest {

    @Test
    void threadsBoundBothPoolsAndKeepBf16() {
        ConfigProto config = RuntimeOptions.defaults().withBf16(true).withThreads(3).toConfigProto();
        assertEquals(3, config.getIntraOpParallelismThreads());
        assertEquals(1, config.getInterOpParallelismThreads(), "the inter-op pool keeps its one thread");
        assertEquals(RewriterConfig.Toggle.ON, config.getGraphOptions().getRewriteOptions().getAutoMixedPrecisionOnednnBfloat16());
        assertEquals(2, new RuntimeOptions(false, 8, 4).withThreads(2).toConfigProto().getInterOpParallelismThreads());
    }

    @Test
    void theDefaultsAreUnchanged() {
        ConfigProto config = RuntimeOptions.defaults().toConfigProto();
        assertEquals(Runtime.getRuntime().availableProcessors(), config.getIntraOpParallelismThreads());
        assertEquals(1, config.getInterOpParallelismThreads());
        assertFalse(config.hasGraphOptions());
    }

    @Test
    void fewerThanOneThreadIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuntimeOptions.defaults().withThreads(0));
        assertEquals("TensorFlow threads must be at least 1, got 0", e.getMessage());
    }
}
