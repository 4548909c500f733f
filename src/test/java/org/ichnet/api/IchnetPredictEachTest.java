package org.ichnet.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Ichnet#predictEach}: one scan at a time, the same results as {@link Ichnet#predict(List)}, no pixels kept. */
class IchnetPredictEachTest {
    @TempDir
    static Path tmp;
    static Ichnet model;

    @BeforeAll
    static void load() throws IchnetException {
        model = Ichnet.load(ApiFixtures.brainModel(tmp));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void eachScanGoesToTheListenerInInputOrderWithWhatPredictGives() throws Exception {
        Path folder = ApiFixtures.jpgFolder(tmp, 3);
        Path bad = Files.writeString(tmp.resolve("bad.png"), "not a png");
        Path missing = tmp.resolve("missing.jpg");
        List<Path> paths = List.of(folder, bad, ApiFixtures.DICOM, missing, ApiFixtures.nifti(tmp.resolve("v.nii")));
        Inputs inputs = Inputs.read(paths);
        assertEquals(List.of(new Problem(missing, "no such file or folder")), inputs.problems(), "found without decoding");
        assertEquals(3 + 1 + 1 + 3, inputs.sliceCount());

        List<String> events = new ArrayList<>();
        List<ScanResult> results = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        PredictionSummary summary = model.predictEach(inputs, new ScanListener() {
            @Override
            public void scan(ScanResult result) {
                events.add("scan " + result.name());
                results.add(result);
            }

            @Override
            public void skipped(Problem problem) {
                events.add("skipped " + problem.file().getFileName());
            }

            @Override
            public void progress(int slicesDone) {
                progress.add(slicesDone);
            }
        });
        assertEquals(List.of("scan jpgs", "skipped bad.png", "scan 071_14", "skipped missing.jpg", "scan v"), events);
        assertEquals(3, summary.scans());
        assertEquals(inputs.sliceCount(), progress.get(progress.size() - 1));
        assertEquals(progress.stream().sorted().toList(), progress, "progress only goes up");

        Predictions collected = model.predict(paths);
        assertEquals(collected.problems(), summary.problems());
        assertEquals(List.of(bad, missing), summary.problems().stream().map(Problem::file).toList());
        assertEquals(collected.model(), summary.model());
        assertEquals(collected.scans().size(), results.size());
        for (int s = 0; s < results.size(); s++) {
            assertEquals(collected.scans().get(s).name(), results.get(s).name());
            assertEquals(collected.scans().get(s).slices(), results.get(s).slices());
        }
    }

    @Test
    void gradCamDuringTheHandOverAndAfterItIsTheSameImage() throws Exception {
        Path folder = ApiFixtures.jpgFolder(tmp.resolve("cam"), 3);
        List<int[]> during = new ArrayList<>();
        List<ScanResult> kept = new ArrayList<>();
        model.predictEach(Inputs.read(List.of(folder)), result -> {
            during.add(pixels(result.gradCam(1, 64)));
            kept.add(result);
        });
        assertArrayEquals(during.get(0), pixels(kept.get(0).gradCam(1, 64)), "read again from the files, the same figure");
    }

    @Test
    void aResultKeepsNoPixelsGradCamReadsTheFilesAgain() throws Exception {
        Path folder = ApiFixtures.jpgFolder(tmp.resolve("gone"), 2);
        Predictions p = model.predict(List.of(folder));
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        ScanResult r = p.scans().get(0);
        assertEquals(2, r.slices().size(), "the numbers stay");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.gradCam(0));
        assertTrue(e.getMessage().contains("no longer give the slices that were predicted"), e.getMessage());
    }

    @Test
    void nothingReadableFailsAfterSayingEachProblem() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad2.png"), "not a png");
        Path missing = tmp.resolve("missing2.png");
        List<Problem> skipped = new ArrayList<>();
        IchnetException e = assertThrows(IchnetException.class, () -> model.predictEach(Inputs.read(List.of(bad, missing)), new ScanListener() {
            @Override
            public void scan(ScanResult result) {
                fail("nothing to predict");
            }

            @Override
            public void skipped(Problem problem) {
                skipped.add(problem);
            }
        }));
        assertEquals(List.of(bad, missing), e.problems().stream().map(Problem::file).toList());
        assertEquals(e.problems(), skipped);
    }

    @Test
    void anExceptionFromTheListenerStopsTheRun() throws Exception {
        Path folder = ApiFixtures.jpgFolder(tmp.resolve("stop"), 2);
        List<String> seen = new ArrayList<>();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.predictEach(
                Inputs.read(List.of(folder, ApiFixtures.DICOM)), result -> {
                    seen.add(result.name());
                    throw new IllegalStateException("enough");
                }));
        assertEquals("enough", e.getMessage());
        assertEquals(List.of("jpgs"), seen, "the DICOM after it was never predicted");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
