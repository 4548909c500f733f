package org.ichnet.split;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.HemorrhageFlags;
import org.ichnet.data.ReadOptions;
import org.ichnet.data.Sources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Leave-source-out folds: each fold tests one whole source and trains and validates only on the others. */
class SourceFoldsTest {

    /** Three sources sharing patient numbers 1..n: a (12 patients), b (9), c (6); every third patient has ICH. */
    private static final CtDataset DATA = Sources.combine(List.of(source("a", CtDataset.LAYOUT_CT_ICH, 12),
            source("b", CtDataset.LAYOUT_PHE_SICH, 9), source("c", CtDataset.LAYOUT_CLASS_FOLDERS, 6)));

    private static CtDataset source(String folder, String layout, int patients) {
        List<CtSlice> slices = new ArrayList<>();
        for (int p = 1; p <= patients; p++) {
            for (int s = 0; s < 3; s++) {
                boolean ich = p % 3 == 0 && s == 1;
                slices.add(new CtSlice(Integer.toString(p), s, ich ? HemorrhageClass.ICH : HemorrhageClass.NORMAL,
                        HemorrhageFlags.NONE, Path.of(folder, p + "_" + s + ".png"), null, null));
            }
        }
        return new CtDataset(Path.of(folder), layout, slices, List.of());
    }

    @Test
    void oneFoldPerSourceTestingAllOfItAndNothingElse() {
        List<Fold> folds = Splits.sourceFolds(DATA);
        assertEquals(3, folds.size());
        List<String> sources = List.of("ct-ich", "phe-sich", "class-folders");
        List<Integer> sizes = List.of(12, 9, 6);
        for (int f = 0; f < 3; f++) {
            String source = sources.get(f);
            assertEquals(f, folds.get(f).index());
            assertEquals(sizes.get(f), folds.get(f).testPatients().size());
            assertTrue(folds.get(f).testPatients().stream().allMatch(p -> DATA.sourceOf(p).equals(source)));
        }
        Set<String> tested = new HashSet<>();
        folds.forEach(f -> tested.addAll(f.testPatients()));
        assertEquals(new HashSet<>(DATA.patients()), tested, "every patient tested once");
    }

    @Test
    void trainAndValidationNeverHoldTheTestedSource() {
        for (Fold fold : Splits.sourceFolds(DATA)) {
            Split split = Splits.foldSplit(DATA, fold, 0.25, 42);
            String tested = DATA.sourceOf(fold.testPatients().iterator().next());
            Set<String> trainSources = new HashSet<>(), valSources = new HashSet<>();
            for (CtSlice s : DATA.slices()) {
                Role role = split.roleBySliceId().get(s.id());
                String source = DATA.sourceOf(s.patient());
                assertEquals(source.equals(tested), role == Role.TEST, s.id() + " " + role);
                if (role == Role.TRAIN) trainSources.add(source);
                if (role == Role.VAL) valSources.add(source);
            }
            Set<String> others = new HashSet<>(List.of("ct-ich", "phe-sich", "class-folders"));
            others.remove(tested);
            assertEquals(others, trainSources, "fold " + fold.index());
            assertEquals(others, valSources, "validation stratified by source: fold " + fold.index());
            assertTrue(split.patients(DATA.slices(), Role.VAL).stream().anyMatch(p ->
                    DATA.slices().stream().anyMatch(s -> s.patient().equals(p) && s.label() == HemorrhageClass.ICH)),
                    "validation has a hemorrhage patient (stratified by rarest class)");
        }
    }

    @Test
    void theBundledSampleAndPheSichFixtureMakeTwoFolds() {
        CtDataset data = Sources.read(List.of(Path.of("sample/ct-ich-sample"), Path.of("src/test/resources/phe-sich-tiny")),
                ReadOptions.defaults());
        List<Fold> folds = Splits.sourceFolds(data);
        assertEquals(2, folds.size());
        assertTrue(folds.get(0).testPatients().stream().allMatch(p -> p.startsWith("ct-ich:")));
        // the fixture's patient 0004 has images but no labels: skipped, so not a patient
        assertEquals(Set.of("phe-sich:0001", "phe-sich:0002"), folds.get(1).testPatients());
        assertEquals(data.patients().size(), folds.get(0).testPatients().size() + 2);
    }

    @Test
    void oneSourceIsRefused() {
        CtDataset one = source("a", CtDataset.LAYOUT_CT_ICH, 6);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Splits.sourceFolds(one)).getMessage()
                .contains("at least two sources"));
    }
}
