package org.ichnet.split;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.HemorrhageFlags;
import org.ichnet.data.Sources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Splits and folds of two sources whose patient ids overlap (both number patients 1, 2, ...). */
class MultiSourceSplitsTest {

    /** Source A: 20 patients, every fourth with an ICH slice; source B: 30 patients, all with ICH. Three slices each. */
    private static final CtDataset DATA = Sources.combine(List.of(
            source("a", CtDataset.LAYOUT_CT_ICH, 20, 4),
            source("b", CtDataset.LAYOUT_PHE_SICH, 30, 1)));

    private static CtDataset source(String folder, String layout, int patients, int ichEvery) {
        List<CtSlice> slices = new ArrayList<>();
        for (int p = 1; p <= patients; p++) {
            for (int s = 0; s < 3; s++) {
                boolean ich = p % ichEvery == 0 && s == 1;
                slices.add(new CtSlice(Integer.toString(p), s, ich ? HemorrhageClass.ICH : HemorrhageClass.NORMAL,
                        HemorrhageFlags.NONE, Path.of(folder, p + "_" + s + ".png"), null, null));
            }
        }
        return new CtDataset(Path.of(folder), layout, slices, List.of());
    }

    private static Map<String, Role> rolePerPatient(Split split) {
        Map<String, Role> roles = new HashMap<>();
        for (CtSlice s : DATA.slices()) {
            Role earlier = roles.putIfAbsent(s.patient(), split.roleOf(s));
            assertTrue(earlier == null || earlier == split.roleOf(s), "patient " + s.patient() + " split across roles");
        }
        return roles;
    }

    private static long count(Map<String, Role> roles, String source, Role role) {
        return roles.entrySet().stream().filter(e -> e.getKey().startsWith(source + ":") && e.getValue() == role).count();
    }

    @Test
    void bothSourcesPatientOneAreTwoPatients() {
        assertEquals(50, DATA.patients().size());
        assertTrue(DATA.patients().containsAll(List.of("ct-ich:1", "phe-sich:1")));
    }

    @Test
    void foldsNeverSplitAPatientAndTestEveryPatientOnce() {
        List<Fold> folds = Splits.patientFolds(DATA, 5, 42);
        Map<String, Integer> tested = new HashMap<>();
        folds.forEach(f -> f.testPatients().forEach(p -> tested.merge(p, 1, Integer::sum)));
        assertEquals(50, tested.size());
        assertTrue(tested.values().stream().allMatch(n -> n == 1));
        for (Fold fold : folds) {
            Map<String, Role> roles = rolePerPatient(Splits.foldSplit(DATA, fold, 0.15, 42));
            assertEquals(fold.testPatients(), roles.entrySet().stream().filter(e -> e.getValue() == Role.TEST)
                    .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void foldsAreStratifiedBySourceWithinTheRarestClass() {
        for (Fold fold : Splits.patientFolds(DATA, 5, 7)) {
            List<String> test = List.copyOf(fold.testPatients());
            assertEquals(6, test.stream().filter(p -> p.startsWith("phe-sich:")).count(), "30 B patients over 5 folds");
            assertEquals(1, test.stream().filter(p -> p.startsWith("ct-ich:") && Integer.parseInt(p.substring(7)) % 4 == 0)
                    .count(), "A's 5 ICH patients, one per fold: " + test);
            assertEquals(4, test.stream().filter(p -> p.startsWith("ct-ich:")).count());
        }
    }

    @Test
    void aPatientSplitGivesEachSourceItsShareOfEveryRole() {
        for (long seed : new long[]{1, 42, 99}) {
            Map<String, Role> roles = rolePerPatient(Splits.byPatient(DATA, 0.15, 0.2, seed));
            assertEquals(6, count(roles, "phe-sich", Role.TEST), "20% of 30");
            assertEquals(4, count(roles, "ct-ich", Role.TEST), "20% of 20");
            assertEquals(4.5, count(roles, "phe-sich", Role.VAL), 1);
            assertEquals(3, count(roles, "ct-ich", Role.VAL), 1);
        }
    }

    @Test
    void aTrainingShareKeepsPatientsOfEverySource() {
        Split split = Splits.keepTrainingShare(Splits.byPatient(DATA, 0.15, 0.2, 42), DATA, 0.25, 42);
        Map<String, Role> roles = rolePerPatient(split);
        assertTrue(count(roles, "ct-ich", Role.TRAIN) >= 2, roles.toString());
        assertTrue(count(roles, "phe-sich", Role.TRAIN) >= 4, roles.toString());
    }
}
