package org.ichnet.api;

import org.ichnet.predict.UntrainedEnsemble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Scans are decoded to the windows the model takes ({@code clinical.Windows}): a brain+bone model gets the bone
 * window of every scan, whether it was loaded first or with the first scan, and for Grad-CAM after the fact; a
 * brain-window model gets the same numbers as before, when it did not skip the bone window.
 */
class IchnetWindowsTest {
    @TempDir
    Path tmp;

    private static final List<Path> INPUTS = List.of(ApiFixtures.DICOM, Path.of("sample/ct-ich-dicom/066_19.dcm"), ApiFixtures.PATIENT);

    @Test
    void aBrainPlusBoneModelGetsTheBoneWindowOfEveryScanLoadedFirstOrWhenNeeded() throws IchnetException {
        Path folder = UntrainedEnsemble.write(tmp.resolve("bone-model"), 32, 2, new double[]{1, 1, 1});
        try (Ichnet eager = Ichnet.load(folder); Ichnet lazy = Ichnet.loadWhenNeeded(folder)) {
            Predictions first = eager.predict(INPUTS), whenNeeded = lazy.predict(INPUTS);
            assertEquals(List.of(), first.problems(), "no scan lacks its bone window");
            assertEquals(List.of(), whenNeeded.problems(), "nor after the model loaded with the first scan");
            for (int s = 0; s < INPUTS.size(); s++) {
                assertEquals(first.scans().get(s).slices(), whenNeeded.scans().get(s).slices());
            }
            assertNotNull(whenNeeded.scans().get(1).gradCam(0), "decoded again, with bone, for Grad-CAM");
        }
    }

    @Test
    void aBrainWindowModelGivesTheSameNumbersWhicheverWayItLoads() throws IchnetException {
        Path folder = ApiFixtures.brainModel(tmp);
        try (Ichnet eager = Ichnet.load(folder); Ichnet lazy = Ichnet.loadWhenNeeded(folder)) {
            Predictions first = eager.predict(INPUTS), whenNeeded = lazy.predict(INPUTS);
            for (int s = 0; s < INPUTS.size(); s++) {
                assertEquals(first.scans().get(s).slices(), whenNeeded.scans().get(s).slices());
                assertNotNull(first.scans().get(s).gradCam(0));
            }
        }
    }
}
