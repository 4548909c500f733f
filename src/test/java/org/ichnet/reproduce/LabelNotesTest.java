package org.ichnet.reproduce;

import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelNotesTest {

    @Test
    void pheSichIsNotedAsWeakAndCtIchIsNot() {
        assertEquals(List.of(), LabelNotes.of(Sources.read(List.of(Path.of("sample/ct-ich-sample")), ReadOptions.defaults())));
        List<String> notes = LabelNotes.of(Sources.read(List.of(Path.of("sample/ct-ich-sample"),
                Path.of("src/test/resources/phe-sich-tiny")), ReadOptions.defaults()));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("phe-sich: PHE-SICH labels are weak slice labels: label 1 = ICH"), notes.get(0));
        assertTrue(notes.get(0).contains("intraparenchymal"));
    }
}
