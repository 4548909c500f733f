package org.ichnet.api;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link LoadOptions#threads}: the bound reaches TensorFlow's pools and changes no probability (in JVMs of their own),
 * and the API takes it for every kind of input.
 */
class LoadOptionsTest {

    /** In this JVM both run on the pools made first: this checks the API's path, the child JVMs below the threads. */
    @Test
    void oneThreadPredictsWhatTheDefaultPredicts(@TempDir Path tmp) throws Exception {
        Path folder = ApiFixtures.brainModel(tmp);
        List<Path> inputs = List.of(ApiFixtures.jpgFolder(tmp, 3), ApiFixtures.DICOM);
        try (Ichnet bounded = Ichnet.load(folder, LoadOptions.threads(1)); Ichnet usual = Ichnet.load(folder)) {
            List<SliceResult> expected = slices(usual.predict(inputs)), actual = slices(bounded.predict(inputs));
            assertEquals(4, expected.size());
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                SliceResult e = expected.get(i), a = actual.get(i);
                assertEquals(e.label(), a.label());
                for (SliceClass c : SliceClass.values()) {
                    assertEquals(e.probability(c), a.probability(c), 1e-6f, e.label() + " " + c);
                    for (String m : e.members().keySet()) assertEquals(e.members().get(m).get(c), a.members().get(m).get(c), 1e-6f, m);
                }
            }
        }
    }

    @Test
    void fewerThanOneThreadIsRefused() {
        for (int threads : new int[]{0, -3}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadOptions.threads(threads));
            assertEquals("TensorFlow threads must be at least 1, got " + threads, e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> Ichnet.loadWhenNeeded(Path.of("model"), null));
    }

    /**
     * TensorFlow's pools belong to the process and this JVM has made them already, so each bound is loaded in a JVM
     * of its own; their native threads (named after the thread that made them, here {@code java}) are counted.
     */
    @Test
    void theBoundSizesTensorFlowsThreadPoolAndKeepsTheProbabilities(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "threads are counted in /proc");
        Path folder = ApiFixtures.brainModel(tmp);
        Probed one = probe(folder, 1), five = probe(folder, 5);
        assertEquals(4, five.threads() - one.threads(), "one intra-op thread against five: " + one + " and " + five);
        for (int c = 0; c < one.probabilities().length; c++) {
            assertEquals(five.probabilities()[c], one.probabilities()[c], 1e-6, "class " + c);
        }
    }

    private record Probed(int threads, double[] probabilities) {
        @Override
        public String toString() {
            return threads + " threads, " + java.util.Arrays.toString(probabilities);
        }
    }

    private static Probed probe(Path model, int threads) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx512m", "-Djava.awt.headless=true",
                Probe.class.getName(), model.toString(), String.valueOf(threads)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return new Probed(Integer.parseInt(line(out, "threads made: ")),
                Stream.of(line(out, "probabilities: ").split(" ")).mapToDouble(Double::parseDouble).toArray());
    }

    /** The rest of the probe's line that starts with {@code prefix} (native log lines may come between). */
    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseGet(() -> fail("no '" + prefix + "' in " + out)).substring(prefix.length());
    }

    private static List<SliceResult> slices(Predictions p) {
        return p.scans().stream().flatMap(s -> s.slices().stream()).toList();
    }

    /** Loads a model with a thread bound, predicts a slice and prints its probabilities and how many native threads that made. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            long before = javaNamedThreads();
            try (Ichnet model = Ichnet.load(Path.of(args[0]), LoadOptions.threads(Integer.parseInt(args[1])))) {
                SliceResult slice = model.predict(ApiFixtures.JPG).slices().get(0);
                long made = javaNamedThreads() - before;
                System.out.println("probabilities: " + Stream.of(SliceClass.values())
                        .map(c -> String.valueOf(slice.probability(c))).collect(java.util.stream.Collectors.joining(" ")));
                System.out.println("threads made: " + made);
            }
        }

        private static long javaNamedThreads() throws IOException {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                return tasks.filter(t -> {
                    try {
                        return Files.readString(t.resolve("comm")).strip().equals("java");
                    } catch (IOException e) {
                        return false; // the thread ended
                    }
                }).count();
            }
        }
    }
}
