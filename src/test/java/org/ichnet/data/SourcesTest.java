package org.ichnet.data;

import org.ichnet.testing.PheSichFixture;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SourcesTest {

    @TempDir
    Path tmp;

    /** CT-ICH with patient folder 001 and PHE-SICH's 0001: the same number, two patients. */
    private Path ctIchWithPatientOne() {
        return TinyCtIch.at(tmp.resolve("ct-ich")).slice("001", 1, "00000").slice("001", 2, "01000").write();
    }

    @Test
    void oneFolderIsReadAsBeforeWithItsOwnPatientIds() {
        CtDataset d = Sources.read(List.of(PheSichFixture.tiny()), ReadOptions.defaults());
        assertEquals(List.of("0001", "0002"), d.patients());
        assertEquals(1, d.sources().size());
        assertEquals("phe-sich", d.sourceOf("0001"));
    }

    @Test
    void patientsOfTwoSourcesAreNamespacedSoTheSameNumberIsTwoPatients() {
        CtDataset d = Sources.read(List.of(ctIchWithPatientOne(), PheSichFixture.tiny()), ReadOptions.defaults());
        assertEquals(List.of("ct-ich:001", "phe-sich:0001", "phe-sich:0002"), d.patients());
        assertEquals(List.of("ct-ich", "phe-sich"), d.sources().stream().map(DataSource::name).toList());
        assertEquals(7, d.slices().size());
        assertEquals("ct-ich", d.sourceOf("ct-ich:001"));
        assertEquals("phe-sich", d.sourceOf("phe-sich:0001"));
        assertEquals("phe-sich:0001/1", d.slices().get(3).id());
        assertEquals(1, d.slices().get(3).boxes().size(), "boxes survive the renaming");
        assertEquals(2, d.problems().size(), "the fixture's two defective patients");
    }

    @Test
    void eachSourceCanBeTakenApartAgain() {
        CtDataset d = Sources.read(List.of(ctIchWithPatientOne(), PheSichFixture.tiny()), ReadOptions.defaults());
        var parts = Sources.bySource(d);
        assertEquals(List.of(2, 5), parts.values().stream().map(p -> p.slices().size()).toList());
        assertEquals(List.of(0, 2), parts.values().stream().map(p -> p.problems().size()).toList());
    }

    @Test
    void twoFoldersOfOneLayoutAreNumberedAndOneFolderTwiceIsAnError() {
        Path a = ctIchWithPatientOne();
        Path b = TinyCtIch.at(tmp.resolve("other")).slice("001", 1, "00001").write();
        CtDataset d = Sources.read(List.of(a, b), ReadOptions.defaults());
        assertEquals(List.of("ct-ich:001", "ct-ich-2:001"), d.patients());
        DataException e = assertThrows(DataException.class, () -> Sources.read(List.of(a, a), ReadOptions.defaults()));
        assertTrue(e.getMessage().endsWith("data folder given twice"), e.getMessage());
    }

    @Test
    void namespacedPatientsSortBySourceThenByNumber() {
        List<String> ids = new java.util.ArrayList<>(List.of("phe-sich:0002", "ct-ich:100", "ct-ich:49", "phe-sich:0013"));
        ids.sort(CtDataset.PATIENT_ORDER);
        assertEquals(List.of("ct-ich:49", "ct-ich:100", "phe-sich:0002", "phe-sich:0013"), ids);
    }

    @Test
    void strictReadingOfSeveralSourcesStopsAtTheFirstProblem() {
        assertThrows(DataException.class, () -> Sources.read(List.of(ctIchWithPatientOne(), PheSichFixture.tiny()),
                ReadOptions.defaults().withStrict(true)));
    }
}
