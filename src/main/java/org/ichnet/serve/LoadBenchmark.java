package org.ichnet.serve;

import org.ichnet.bench.Machine;
import org.ichnet.bench.PeakMemory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code ichnet bench --serve}: the service under load, in this JVM, on one real DICOM slice.
 *
 * <ol>
 *   <li>in-process: {@code workers} threads predicting the staged slice as {@code predict} does, without HTTP;</li>
 *   <li>{@code clients} clients posting it for {@code seconds}: throughput, errors, latency percentiles;</li>
 *   <li>8 clients for half as long: single-slice latency p50/p95/p99;</li>
 *   <li>a 40-slice series zip, alone, 3 times: its median latency;</li>
 *   <li>the process's peak resident memory (server, models and clients together).</li>
 * </ol>
 */
public final class LoadBenchmark {

    private final ModelRegistry registry;
    private final byte[] slice;
    private final int workers;
    private final PrintWriter out;

    public LoadBenchmark(ModelRegistry registry, Path dicom, int workers, PrintWriter out) {
        this.registry = registry;
        this.workers = workers;
        this.out = out;
        try {
            this.slice = Files.readAllBytes(dicom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Run(int requests, int errors, double seconds, double[] latenciesMs) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (latenciesMs.length == 0) return Double.NaN;
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }

    public void run(int clients, int seconds) throws Exception {
        out.printf("ichnet serve load benchmark, %s, %s, workers %d%n", LocalDate.now(), Machine.describe(), workers);
        Run inProcess = inProcess(Math.max(5, seconds / 3));
        print("in-process predict (" + workers + " threads)", inProcess);
        ServeSettings settings = ServeSettings.local(null, workers).withLimits(ServeSettings.DEFAULT_MAX_UPLOAD, workers, Math.max(64, clients));
        try (IchnetServer server = IchnetServer.start(registry, settings)) {
            Run loaded = http(server, "/predictions", slice, clients, seconds);
            print(clients + " clients, " + seconds + " s", loaded);
            out.printf(Locale.ROOT, "  throughput vs in-process: %.0f%%%n", 100 * loaded.perSecond() / inProcess.perSecond());
            Run eight = http(server, "/predictions", slice, 8, Math.max(5, seconds / 2));
            print("8 clients, single slice", eight);
            Run series = http(server, "/predictions", seriesZip(40), 1, 0);
            print("40-slice series zip, alone", series);
        }
        out.printf(Locale.ROOT, "peak RSS %.0f MB%n", PeakMemory.residentMb().orElse(Double.NaN));
        out.flush();
    }

    private void print(String what, Run r) {
        out.printf(Locale.ROOT, "%-36s %6d requests %4d errors %7.2f req/s  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms%n",
                what, r.requests(), r.errors(), r.perSecond(), r.percentile(0.5), r.percentile(0.95), r.percentile(0.99));
        out.flush();
    }

    private Run inProcess(int seconds) throws Exception {
        try (StagedUpload staged = StagedUpload.of(new ByteArrayInputStream(slice), "slice.dcm", slice.length, Files.createTempDirectory("ichnet-bench-"))) {
            registry.predict(null, staged, false); // warm-up
            return timed(workers, seconds, () -> {
                registry.predict(null, staged, false);
                return true;
            });
        }
    }

    /** {@code clients} loops posting {@code body} for {@code seconds} (0: three requests in one loop). */
    private Run http(IchnetServer server, String path, byte[] body, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(Math.min(clients, 16))).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.send(request, HttpResponse.BodyHandlers.discarding()); // warm-up
        return timed(clients, seconds, () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private interface Call {
        boolean ok() throws Exception;
    }

    private static Run timed(int threads, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime(), end = start + seconds * 1_000_000_000L;
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            loops.add(pool.submit(() -> {
                int done = 0;
                while (seconds == 0 ? done < 3 : System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.ok();
                    } catch (Exception e) {
                        ok = false;
                    }
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (!ok) errors.incrementAndGet();
                    done++;
                }
                return null;
            }));
        }
        for (Future<?> f : loops) f.get();
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        return new Run(ms.length, errors.get(), elapsed, ms);
    }

    /** One series of {@code n} copies of the slice (same series UID). */
    private byte[] seriesZip(int n) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 1; i <= n; i++) {
                zip.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "series/%03d.dcm", i)));
                zip.write(slice);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
