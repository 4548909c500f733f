package org.ichnet.data;

import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageFolderReaderTest {

    @TempDir
    Path root;

    @Test
    void readsClassFoldersIgnoringCaseWithPatientFromFileName() throws IOException {
        TinyCtIch.writeJpg(root.resolve("normal/p1_2.png"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("ICH/p1_5.jpg"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("sdh/scan.jpeg"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("EDH/p2_a.png"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("EDH/p2_b.png"), 8, 0);
        Files.writeString(root.resolve("EDH/readme.txt"), "not an image");

        CtDataset d = DatasetReader.read(root, ReadOptions.defaults());
        assertEquals(CtDataset.LAYOUT_CLASS_FOLDERS, d.layout());
        assertEquals(List.of("p1/2", "p1/5", "p2/1", "p2/2", "scan/1"), d.slices().stream().map(CtSlice::id).toList());
        assertEquals(List.of(HemorrhageClass.NORMAL, HemorrhageClass.ICH, HemorrhageClass.EDH, HemorrhageClass.EDH,
                HemorrhageClass.SDH), d.slices().stream().map(CtSlice::label).toList());
        assertTrue(d.slices().get(1).flags().has(HemorrhageClass.ICH));
        assertNull(d.slices().get(0).boneImage());
        assertEquals(List.of(root.resolve("EDH/readme.txt")), d.problems().stream().map(DataProblem::file).toList());
        assertThrows(DataException.class, () -> DatasetReader.read(root, ReadOptions.defaults().withStrict(true)));
    }

    @Test
    void unknownFolderListsAcceptedNames() {
        TinyCtIch.writeJpg(root.resolve("SAH/1.png"), 8, 0);
        DataException e = assertThrows(DataException.class, () -> DatasetReader.read(root, ReadOptions.defaults()));
        assertEquals(root.resolve("SAH"), e.file());
        assertTrue(e.getMessage().contains("accepted: NORMAL, ICH, SDH, EDH"), e.getMessage());
    }

    @Test
    void emptyFolderAndBoneModeAreErrors() {
        assertTrue(assertThrows(DataException.class, () -> DatasetReader.read(root, ReadOptions.defaults()))
                .getMessage().contains("no class folders"));
        TinyCtIch.writeJpg(root.resolve("ICH/1.png"), 8, 0);
        assertThrows(DataException.class, () -> DatasetReader.read(root, ReadOptions.defaults().withBone(true)));
    }
}
