package org.ichnet.ensemble;

import org.ichnet.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EnsembleManifestTest {

    private static Path manifestNaming(Path dir, String secondModel) {
        Path file = dir.resolve(EnsembleManifest.FILE);
        new EnsembleManifest(EnsembleManifest.FORMAT, List.of("NORMAL", "ICH", "SDH", "EDH"),
                List.of("model1", secondModel, "model3"), "weightedAverage",
                Map.of("weightedAverage", new double[]{1, 1, 1}), null, Map.of()).write(file);
        return file;
    }

    @Test
    void plainFolderNamesAreRead(@TempDir Path dir) {
        assertEquals(List.of("model1", "model2", "model3"), EnsembleManifest.read(manifestNaming(dir, "model2")).models());
    }

    @Test
    void aModelNameThatIsAPathIsRefusedNamingTheManifest(@TempDir Path dir) {
        for (String name : new String[]{"../../x", "..", ".", "/etc", dir.resolve("model2").toString(), "sub/model2", "a\\b", ""}) {
            Path file = manifestNaming(dir, name);
            DataException e = assertThrows(DataException.class, () -> EnsembleManifest.read(file), name);
            assertEquals(file, e.file(), name);
            assertTrue(e.getMessage().contains("ensemble.json") && e.getMessage().contains("'" + name + "'"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
