package org.ichnet.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Inputs#dicomSeriesUid} reads the header only: broken pixels pass, a header predict refuses does not. */
class InputsDicomSeriesUidTest {
    static final Path FIXTURES = Path.of("src/test/resources/dicom-compressed");

    @Test
    void aFileWhosePixelsDoNotDecodeStillGivesItsSeries(@TempDir Path tmp) throws Exception {
        Path jpeg = FIXTURES.resolve("ct128-s2-jpeg-lossless-sv1.dcm");
        Path cut = cutShort(jpeg, tmp.resolve("cut.dcm"), 1000);
        Optional<String> uid = Inputs.dicomSeriesUid(jpeg);
        assertTrue(uid.isPresent());
        assertEquals(uid, Inputs.dicomSeriesUid(cut));
        assertEquals(uid, Inputs.dicomSeriesUid(FIXTURES.resolve("ct128-s1-explicit.dcm")), "the other slice of its series");
        try (Ichnet model = Ichnet.load(ApiFixtures.brainModel(tmp))) {
            IchnetException e = assertThrows(IchnetException.class, () -> model.predict(cut));
            assertTrue(e.getMessage().startsWith(cut + ": truncated pixel data"), "found when predicted: " + e.getMessage());
        }
    }

    @Test
    void aHeaderPredictRefusesIsRefusedWithItsMessage(@TempDir Path tmp) throws Exception {
        Path half = cutShort(ApiFixtures.DICOM, tmp.resolve("half.dcm"), (int) Files.size(ApiFixtures.DICOM) / 2);
        Path notDicom = Files.writeString(tmp.resolve("not.dcm"), "DICM?");
        for (Path file : new Path[]{half, notDicom}) {
            IchnetException e = assertThrows(IchnetException.class, () -> Inputs.dicomSeriesUid(file));
            assertEquals(IchnetBadInputTest.cliMessage(file), e.getMessage());
        }
    }

    private static Path cutShort(Path from, Path to, int bytes) throws Exception {
        byte[] whole = Files.readAllBytes(from);
        return Files.write(to, Arrays.copyOf(whole, whole.length - bytes));
    }
}
