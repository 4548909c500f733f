package org.ichnet.cli;

import org.ichnet.reproduce.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code train} killed with SIGKILL in the middle of its second epoch, then run again, ends with the same
 * exported weights, byte for byte, as a run that was never interrupted. Each run is its own JVM, so nothing
 * survives the kill but the files.
 */
class KilledTrainingTest {
    private static final List<String> TRAIN = List.of("--quick", "--size", "32", "--epochs", "4", "--patience", "10",
            "--models", "model1", "--no-progress");

    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidEpochResumesToTheUninterruptedWeights() throws Exception {
        Path uninterrupted = tmp.resolve("uninterrupted"), killed = tmp.resolve("killed");
        assertEquals(0, train(uninterrupted, TRAIN).waitFor(), log(uninterrupted));

        Process first = train(killed, TRAIN);
        Path epochOneDone = RunFolder.training(killed, "model1").resolve("state.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(epochOneDone) && first.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(first.isAlive(), "the run ended before it could be killed: " + log(killed));
        first.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        first.waitFor();
        assertFalse(Files.exists(RunFolder.model(killed, "model1")), "killed before it exported anything");

        Process resumed = train(killed, List.of("--no-progress", "--models", "model1"));
        assertEquals(0, resumed.waitFor(), log(killed));
        // epoch 1's checkpoint was there and epoch 2's not: the kill fell inside epoch 2
        assertTrue(log(killed).contains("model1: resuming after epoch 1 ("), log(killed));
        assertArrayEquals(weights(uninterrupted), weights(killed));
    }

    private Process train(Path run, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "-Djava.awt.headless=true",
                Main.class.getName(), "train", run.toString()));
        command.addAll(options);
        Files.createDirectories(tmp.resolve("logs"));
        Path log = tmp.resolve("logs").resolve(run.getFileName() + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private String log(Path run) {
        try {
            return Files.readString(tmp.resolve("logs").resolve(run.getFileName() + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static byte[] weights(Path run) throws IOException {
        return Files.readAllBytes(RunFolder.model(run, "model1").resolve("variables").resolve("variables.data-00000-of-00001"));
    }
}
