package org.ichnet.preprocess;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DataException;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.ReadOptions;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageLoaderTest {

    @TempDir
    Path root;

    private CtDataset tinyWithTruncatedBrainImage() {
        TinyCtIch.at(root).slice("049", 1, "00000").slice("049", 2, "00010").slice("049", 3, "00001").write();
        TinyCtIch.truncate(root.resolve("Patients_CT/049/brain/2.jpg"));
        return DatasetReader.read(root, ReadOptions.defaults());
    }

    @Test
    void loadsTheSampleInBothChannelLayouts() {
        CtDataset sample = DatasetReader.read(TinyCtIch.sample(), ReadOptions.defaults().withBone(true));
        List<CtSlice> some = sample.slices().subList(0, 12);
        LoadedImages brain = ImageLoader.load(some, new PreprocessOptions(64, Channels.BRAIN), true, false);
        LoadedImages both = ImageLoader.load(some, new PreprocessOptions(64, Channels.BRAIN_BONE), true, false);
        assertEquals(12, brain.images().count());
        assertEquals(1, brain.images().channels());
        assertEquals(2, both.images().channels());
        assertEquals(some, both.slices());
        // The brain channel is the same image either way; bone differs from brain.
        assertEquals(brain.images().get(5, 30, 30, 0), both.images().get(5, 30, 30, 0), 1e-6f);
        float[] pixels = new float[64 * 64 * 2];
        both.images().copyFloats(5, pixels, 0);
        double brainSum = 0, boneSum = 0;
        for (int i = 0; i < pixels.length; i += 2) {
            brainSum += pixels[i];
            boneSum += pixels[i + 1];
        }
        assertTrue(brainSum > 0 && boneSum > 0 && Math.abs(brainSum - boneSum) > 1, brainSum + " vs " + boneSum);
    }

    @Test
    void truncatedJpgIsSkippedWithAProblem() {
        CtDataset d = tinyWithTruncatedBrainImage();
        LoadedImages loaded = ImageLoader.load(d.slices(), new PreprocessOptions(8, Channels.BRAIN), false, false);
        assertEquals(List.of("049/1", "049/3"), loaded.slices().stream().map(CtSlice::id).toList());
        assertEquals(2, loaded.images().count());
        assertEquals(1, loaded.problems().size());
        assertEquals(root.resolve("Patients_CT/049/brain/2.jpg"), loaded.problems().get(0).file());
    }

    @Test
    void truncatedJpgIsFatalWhenStrict() {
        CtDataset d = tinyWithTruncatedBrainImage();
        DataException e = assertThrows(DataException.class,
                () -> ImageLoader.load(d.slices(), new PreprocessOptions(8, Channels.BRAIN), true, false));
        assertEquals(root.resolve("Patients_CT/049/brain/2.jpg"), e.file());
    }

    @Test
    void verifierFindsTruncationQuicklyAndByDecoding() {
        CtDataset d = tinyWithTruncatedBrainImage();
        for (ImageVerifier.Mode mode : ImageVerifier.Mode.values()) {
            CtDataset checked = ImageVerifier.verify(d, mode, false, false);
            assertEquals(2, checked.slices().size(), mode.toString());
            assertEquals(root.resolve("Patients_CT/049/brain/2.jpg"), checked.problems().get(0).file(), mode.toString());
            assertThrows(DataException.class, () -> ImageVerifier.verify(d, mode, true, false));
        }
    }

    @Test
    void nonImageWithImageNameIsAProblem() throws Exception {
        TinyCtIch.at(root).slice("049", 1, "00000").write();
        java.nio.file.Files.writeString(root.resolve("Patients_CT/049/brain/1.jpg"), "this is text, not a JPEG");
        CtDataset d = DatasetReader.read(root, ReadOptions.defaults());
        for (ImageVerifier.Mode mode : ImageVerifier.Mode.values()) {
            assertEquals(1, ImageVerifier.verify(d, mode, false, false).problems().size(), mode.toString());
        }
    }
}
