package org.ichnet.preprocess;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.ReadOptions;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SliceNeighboursTest {

    @TempDir
    Path root;

    private static CtSlice slice(String patient, int number) {
        return new CtSlice(patient, number, HemorrhageClass.NORMAL, null, Path.of(number + ".jpg"), null, null);
    }

    @Test
    void neighboursStayInsideThePatientAndEdgesStandInForThemselves() {
        // order in the list is arbitrary; slice 5 of patient 1 has a gap below it
        List<CtSlice> slices = List.of(slice("1", 2), slice("2", 1), slice("1", 1), slice("1", 3), slice("1", 5), slice("2", 2));
        int[][] n = SliceNeighbours.of(slices);
        assertArrayEquals(new int[]{2, 3}, n[0], "1/2 sits between 1/1 and 1/3");
        assertArrayEquals(new int[]{1, 5}, n[1], "2/1 has nothing below and 2/2 above, never patient 1's slice 2");
        assertArrayEquals(new int[]{2, 0}, n[2]);
        assertArrayEquals(new int[]{0, 3}, n[3]);
        assertArrayEquals(new int[]{4, 4}, n[4], "1/5 has no slice 4 or 6");
        assertArrayEquals(new int[]{1, 5}, n[5]);
    }

    @Test
    void stackPutsBelowSelfAboveIntoChannelsZeroOneTwo() {
        ImageStack single = ImageStack.allocate(3, 2, 1);
        for (int i = 0; i < 3; i++) java.util.Arrays.fill(single.pixels(), i * 4, i * 4 + 4, (byte) (10 * (i + 1)));
        ImageStack three = SliceNeighbours.stack(single, new int[][]{{0, 1}, {0, 2}, {1, 2}});
        assertEquals(3, three.channels());
        assertEquals(3, three.count());
        assertEquals(10, Math.round(three.get(1, 1, 1, 0) * 255));
        assertEquals(20, Math.round(three.get(1, 1, 1, 1) * 255));
        assertEquals(30, Math.round(three.get(1, 1, 1, 2) * 255));
        assertEquals(10, Math.round(three.get(0, 0, 0, 0) * 255), "the first slice stands in below itself");
    }

    @Test
    void loaderBuildsNeighbourChannelsFromTheDecodedBrainImages() {
        CtDataset sample = DatasetReader.read(TinyCtIch.sample(), ReadOptions.defaults());
        List<CtSlice> some = sample.slices().subList(0, 6);
        LoadedImages brain = ImageLoader.load(some, new PreprocessOptions(32, Channels.BRAIN), true, false);
        LoadedImages three = ImageLoader.load(some, new PreprocessOptions(32, Channels.BRAIN_NEIGHBOURS), true, false);
        assertEquals(3, three.images().channels());
        int[][] n = SliceNeighbours.of(some);
        for (int i = 0; i < some.size(); i++) {
            for (int c = 0; c < 3; c++) {
                int source = c == 0 ? n[i][0] : c == 1 ? i : n[i][1];
                assertEquals(brain.images().get(source, 16, 16, 0), three.images().get(i, 16, 16, c), 1e-6f);
            }
        }
        assertNotEquals(n[1][0], 1, "the sample's second slice has a slice below it");
    }
}
