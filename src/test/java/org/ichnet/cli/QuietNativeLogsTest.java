package org.ichnet.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The wrapper's stderr filter drops absl's INFO lines and notice, and nothing else. */
class QuietNativeLogsTest {

    private static String filter(String stderr) throws Exception {
        Process perl;
        try {
            perl = new ProcessBuilder("perl", "tools/quiet-native-logs.pl").start();
        } catch (IOException e) {
            Assumptions.abort("no perl: the wrapper then leaves stderr alone");
            throw e;
        }
        try (OutputStream in = perl.getOutputStream()) {
            in.write(stderr.getBytes(StandardCharsets.UTF_8));
        }
        String out;
        try (InputStream filtered = perl.getInputStream()) {
            out = new String(filtered.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(perl.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, perl.exitValue());
        return out;
    }

    @Test
    void dropsAbslInfoLinesAndTheirNotice() throws Exception {
        String abslNoise = "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
                + "I0000 00:00:1796110677.423820   28053 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled\n";
        assertEquals("ichnet: shipped model x\n", filter(abslNoise + "ichnet: shipped model x\n"));
    }

    @Test
    void keepsEverythingElseByteForByte() throws Exception {
        String kept = "ichnet: skipped a.dcm: truncated\n\rpredict  16% [===]\rpredict  29% [=====]\n"
                + "Image 12\nE0000 00:00:1.0 1 some.cc:1] a real error\nWARNING: something else\nI01 not absl\nno newline at the end";
        assertEquals(kept, filter(kept));
    }
}
