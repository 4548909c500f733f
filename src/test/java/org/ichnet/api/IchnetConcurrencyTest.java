package org.ichnet.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** One shared {@link Ichnet}: 8 threads at once get exactly what sequential calls get. */
class IchnetConcurrencyTest {
    static final int THREADS = 8;

    /** What one call sees: every slice result of a batch, a stream's slice, and one Grad-CAM image's pixels. */
    record Answer(List<List<SliceResult>> batch, List<SliceResult> stream, int[] gradCam) {
        void assertSame(Answer other) {
            assertEquals(batch, other.batch);
            assertEquals(stream, other.stream);
            assertArrayEquals(gradCam, other.gradCam);
        }
    }

    static Answer ask(Ichnet model, List<Path> inputs) throws Exception {
        Predictions p = model.predict(inputs);
        List<SliceResult> stream;
        try (InputStream in = Files.newInputStream(ApiFixtures.DICOM)) {
            stream = model.predict(in, "071_14.dcm").slices();
        }
        BufferedImage cam = p.scans().get(0).gradCam(1, 64);
        return new Answer(p.scans().stream().map(ScanResult::slices).toList(), stream,
                cam.getRGB(0, 0, cam.getWidth(), cam.getHeight(), null, 0, cam.getWidth()));
    }

    static <T> List<T> inParallel(Callable<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(null);
                    if (!(e.getCause() instanceof IllegalStateException)) fail(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightThreadsGetWhatSequentialCallsGet(@TempDir Path tmp) throws Exception {
        List<Path> inputs = List.of(ApiFixtures.jpgFolder(tmp, 20), ApiFixtures.DICOM, ApiFixtures.nifti(tmp.resolve("v.nii.gz")));
        try (Ichnet model = Ichnet.load(ApiFixtures.brainModel(tmp))) {
            Answer sequential = ask(model, inputs);
            ask(model, inputs).assertSame(sequential);
            for (Answer concurrent : inParallel(() -> ask(model, inputs))) concurrent.assertSame(sequential);
        }
    }

    @Test
    void closeWaitsForRunningCallsAndLaterOnesFailClearly(@TempDir Path tmp) throws Exception {
        List<Path> inputs = List.of(ApiFixtures.jpgFolder(tmp, 10));
        Ichnet model = Ichnet.load(ApiFixtures.brainModel(tmp));
        List<SliceResult> expected = model.predict(inputs).scans().get(0).slices();
        CountDownLatch running = new CountDownLatch(THREADS);
        Thread closer = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            model.close();
        });
        closer.start();
        // each thread predicts until the model is closed under it: every call finishes whole or is refused
        List<Integer> rounds = inParallel(() -> {
            running.countDown();
            int n = 0;
            while (true) {
                List<SliceResult> got;
                try {
                    got = model.predict(inputs).scans().get(0).slices();
                } catch (IllegalStateException closed) {
                    assertEquals("this Ichnet model is closed", closed.getMessage());
                    return n;
                }
                assertEquals(expected, got);
                n++;
            }
        });
        closer.join();
        assertEquals(THREADS, rounds.stream().filter(r -> r != null).count());
    }
}
