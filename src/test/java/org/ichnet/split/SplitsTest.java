package org.ichnet.split;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DatasetReader;
import org.ichnet.data.HemorrhageClass;
import org.ichnet.data.ReadOptions;
import org.ichnet.testing.TinyCtIch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Splits of the full CT-ICH set when present, else of the bundled sample. */
class SplitsTest {

    static CtDataset data;

    @BeforeAll
    static void read() {
        var full = TinyCtIch.fullDataset();
        data = DatasetReader.read(full != null ? full : TinyCtIch.sample(), ReadOptions.defaults());
    }

    private static Map<String, Role> rolePerPatient(Split split) {
        Map<String, Role> roles = new HashMap<>();
        for (CtSlice s : data.slices()) {
            Role earlier = roles.putIfAbsent(s.patient(), split.roleOf(s));
            assertTrue(earlier == null || earlier == split.roleOf(s), "patient " + s.patient() + " in two roles");
        }
        return roles;
    }

    @Test
    void patientSplitKeepsEveryPatientInOneRole() {
        Split split = Splits.byPatient(data, 0.15, 0.2, 42);
        assertEquals("patient", split.protocol());
        assertFalse(split.leaky());
        assertEquals(data.slices().size(), split.roleBySliceId().size());
        Map<String, Role> roles = rolePerPatient(split);
        assertEquals(data.patients().size(), roles.size());
        long test = roles.values().stream().filter(r -> r == Role.TEST).count();
        long val = roles.values().stream().filter(r -> r == Role.VAL).count();
        int n = roles.size();
        if (n >= 50) {
            assertEquals(0.2 * n, test, 1.5);
            assertEquals(0.15 * n, val, 1.5);
        }
        assertEquals(data.slices().size(), split.counts().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void everyRoleHasHemorrhagePatientsAndRareStrataReachTrainAndTest() {
        Split split = Splits.byPatient(data, 0.15, 0.2, 7);
        for (Role role : List.of(Role.TRAIN, Role.VAL, Role.TEST)) {
            assertTrue(split.select(data.slices(), role).stream().anyMatch(s -> s.label() != HemorrhageClass.NORMAL),
                    role + " has no hemorrhage slice");
        }
        Map<String, Role> roles = rolePerPatient(split);
        for (var stratum : Splits.patientsByRarestClass(data).entrySet()) {
            if (stratum.getValue().size() < 2) continue;
            Set<Role> got = new HashSet<>();
            stratum.getValue().forEach(p -> got.add(roles.get(p)));
            assertTrue(got.contains(Role.TRAIN) && got.contains(Role.TEST), stratum.getKey() + " got " + got);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOther() {
        assertEquals(Splits.byPatient(data, 0.15, 0.2, 1), Splits.byPatient(data, 0.15, 0.2, 1));
        assertNotEquals(Splits.byPatient(data, 0.15, 0.2, 1).roleBySliceId(), Splits.byPatient(data, 0.15, 0.2, 2).roleBySliceId());
        assertEquals(Splits.bySlice(data, 0.15, 0.2, 1), Splits.bySlice(data, 0.15, 0.2, 1));
        assertNotEquals(Splits.bySlice(data, 0.15, 0.2, 1).roleBySliceId(), Splits.bySlice(data, 0.15, 0.2, 2).roleBySliceId());
    }

    @Test
    void sliceSplitIsStratifiedAndLeaky() {
        Split split = Splits.bySlice(data, 0.15, 0.2, 3);
        assertTrue(split.leaky());
        assertEquals("slice", split.protocol());
        for (HemorrhageClass c : HemorrhageClass.values()) {
            int total = data.classCounts().get(c);
            long test = split.select(data.slices(), Role.TEST).stream().filter(s -> s.label() == c).count();
            assertEquals(0.2 * total, test, 1.5, c.toString());
        }
        Set<String> trainPatients = split.patients(data.slices(), Role.TRAIN);
        assertTrue(split.patients(data.slices(), Role.TEST).stream().anyMatch(trainPatients::contains),
                "the slice protocol puts patients in train and test");
    }

    @Test
    void foldsTestEveryPatientOnceAndValComesFromTraining() {
        int k = 5;
        List<Fold> folds = Splits.patientFolds(data, k, 11);
        assertEquals(k, folds.size());
        Map<String, Integer> timesTested = new HashMap<>();
        folds.forEach(f -> f.testPatients().forEach(p -> timesTested.merge(p, 1, Integer::sum)));
        assertEquals(new HashSet<>(data.patients()), timesTested.keySet());
        assertTrue(timesTested.values().stream().allMatch(t -> t == 1));
        int smallest = folds.stream().mapToInt(f -> f.testPatients().size()).min().orElseThrow();
        int largest = folds.stream().mapToInt(f -> f.testPatients().size()).max().orElseThrow();
        assertTrue(largest - smallest <= 1, "fold sizes " + smallest + ".." + largest);

        for (Fold fold : folds) {
            Split split = Splits.foldSplit(data, fold, 0.15, 11);
            Map<String, Role> roles = rolePerPatient(split);
            roles.forEach((patient, role) -> assertEquals(fold.testPatients().contains(patient), role == Role.TEST, patient));
            assertFalse(split.patients(data.slices(), Role.VAL).isEmpty(), "fold " + fold.index() + " has no val patients");
        }
        assertThrows(IllegalArgumentException.class, () -> Splits.patientFolds(data, 1, 0));
    }

    @Test
    void aTrainingShareSetsTrainingPatientsAsideAndNothingElse() {
        Split full = Splits.foldSplit(data, Splits.patientFolds(data, 5, 42).get(0), 0.15, 42);
        Map<String, Role> before = rolePerPatient(full);
        Set<String> keptAtHalf = null;
        for (double share : new double[]{0.75, 0.5, 0.25}) {
            Map<String, Role> after = rolePerPatient(Splits.keepTrainingShare(full, data, share, 42));
            Set<String> kept = new HashSet<>();
            long training = before.values().stream().filter(r -> r == Role.TRAIN).count();
            before.forEach((patient, role) -> {
                if (role == Role.TRAIN) {
                    assertTrue(after.get(patient) == Role.TRAIN || after.get(patient) == Role.UNUSED, patient);
                    if (after.get(patient) == Role.TRAIN) kept.add(patient);
                } else {
                    assertEquals(role, after.get(patient), "only training patients are set aside: " + patient);
                }
            });
            // the share of each rarest-class stratum, rounded, and at least one patient of each
            int expected = 0;
            for (List<String> stratum : Splits.patientsByRarestClass(data).values()) {
                long inTraining = stratum.stream().filter(p -> before.get(p) == Role.TRAIN).count();
                long keptHere = stratum.stream().filter(kept::contains).count();
                assertEquals(inTraining == 0 ? 0 : Math.max(1, Math.round(share * inTraining)), keptHere, "share " + share);
                expected += keptHere;
            }
            assertEquals(expected, kept.size());
            if (training >= 40) assertEquals(share * training, kept.size(), 2.5, "share " + share);
            if (keptAtHalf != null) assertTrue(keptAtHalf.containsAll(kept), "smaller shares keep subsets");
            keptAtHalf = kept;
        }
        assertEquals(full, Splits.keepTrainingShare(full, data, 1, 42));
        assertThrows(IllegalArgumentException.class, () -> Splits.keepTrainingShare(full, data, 0, 42));
    }

    @Test
    void badFractionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Splits.byPatient(data, 0.5, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> Splits.bySlice(data, -0.1, 0.2, 0));
    }
}
