package org.ichnet.data;

import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ImageLabelsReaderTest {

    @TempDir
    Path root;

    @Test
    void twoColumnLabelsMapOneToIchAndGroupPatientSliceNames() throws IOException {
        TinyCtIch.writeJpg(root.resolve("p7_2.png"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("p7_1.png"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("figure a.jpg"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("scans/case.png"), 8, 0);
        Files.writeString(root.resolve("labels.csv"), "image,hemorrhage\np7_2.png,1\np7_1.png,0\nfigure a.jpg,1\n"
                + "scans/case.png,0\nmissing.png,1\n");

        CtDataset d = DatasetReader.read(root, ReadOptions.defaults());
        assertEquals(CtDataset.LAYOUT_IMAGE_LABELS, d.layout());
        assertEquals(List.of("case/1", "figure a/1", "p7/1", "p7/2"), d.slices().stream().map(CtSlice::id).toList());
        assertEquals(List.of(HemorrhageClass.NORMAL, HemorrhageClass.ICH, HemorrhageClass.NORMAL, HemorrhageClass.ICH),
                d.slices().stream().map(CtSlice::label).toList());
        assertEquals(3, d.patients().size());
        assertEquals(List.of(root.resolve("missing.png")), d.problems().stream().map(DataProblem::file).toList());
        assertThrows(DataException.class, () -> DatasetReader.read(root, ReadOptions.defaults().withStrict(true)));
    }

    @Test
    void headerIsOptional() throws IOException {
        TinyCtIch.writeJpg(root.resolve("a.png"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("b.png"), 8, 0);
        Files.writeString(root.resolve("labels.csv"), "a.png,1\nb.png,0\n");
        CtDataset d = DatasetReader.read(root, ReadOptions.defaults());
        assertEquals(List.of(HemorrhageClass.ICH, HemorrhageClass.NORMAL), d.slices().stream().map(CtSlice::label).toList());
    }

    @Test
    void aLabelOtherThanZeroOrOneIsFatalNamingFileAndLine() throws IOException {
        TinyCtIch.writeJpg(root.resolve("a.png"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("b.png"), 8, 0);
        Files.writeString(root.resolve("labels.csv"), "name,label\na.png,1\nb.png,SDH\n");
        DataException e = assertThrows(DataException.class, () -> DatasetReader.read(root, ReadOptions.defaults()));
        assertTrue(e.getMessage().contains("labels.csv") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void pheSichLabelsAreNotTakenForAnImageList() {
        Path pheSich = Path.of("src/test/resources/phe-sich-tiny");
        assertFalse(ImageLabelsReader.recognises(pheSich));
        assertEquals(CtDataset.LAYOUT_PHE_SICH, DatasetReader.read(pheSich, ReadOptions.defaults()).layout());
    }

    @Test
    void infoNamesTheLayoutAndSaysTheLabelsAreAnyHemorrhage() throws IOException {
        TinyCtIch.writeJpg(root.resolve("a_1.png"), 8, 0);
        TinyCtIch.writeJpg(root.resolve("a_2.png"), 8, 0);
        Files.writeString(root.resolve("labels.csv"), "a_1.png,0\na_2.png,1\n");
        java.io.StringWriter text = new java.io.StringWriter();
        int code = new picocli.CommandLine(new org.ichnet.cli.Main()).setOut(new java.io.PrintWriter(text))
                .execute("info", root.toString());
        assertEquals(0, code);
        assertTrue(text.toString().contains("(image-labels layout)"), text.toString());
        assertTrue(text.toString().contains("0/1 any hemorrhage"), text.toString());
    }
}
