package org.ichnet.split;

import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DataSource;
import org.ichnet.data.HemorrhageClass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ways to divide a data set into train, val and test. Patient-level splits keep every patient's
 * slices in one role; they are stratified by each patient's rarest class so that every role gets its
 * share of the few SDH and EDH patients, and, when several sources are read together, by source within
 * each class (a data set of one source has exactly the strata, and so the splits, it had before).
 * Same seed, same split.
 */
public final class Splits {

    /** Rarest class first: a patient with any SDH slice is in the SDH stratum, and so on. */
    public static final List<HemorrhageClass> RARITY =
            List.of(HemorrhageClass.SDH, HemorrhageClass.EDH, HemorrhageClass.ICH, HemorrhageClass.NORMAL);

    public static final double DEFAULT_VAL = 0.15;
    public static final double DEFAULT_TEST = 0.2;

    private Splits() {
    }

    /** Patient-grouped split stratified by each patient's rarest class. */
    public static Split byPatient(CtDataset dataset, double valFraction, double testFraction, long seed) {
        Map<String, Role> roles = Quotas.deal(patientStrata(dataset, p -> true, new Random(seed)), valFraction, testFraction);
        return new Split("patient", seed, false, bySlice(dataset, roles));
    }

    /**
     * The paper's protocol: slices drawn at random, stratified by slice class, ignoring patients.
     * Neighbouring slices of one patient land in train and test, which inflates test scores.
     */
    public static Split bySlice(CtDataset dataset, double valFraction, double testFraction, long seed) {
        Random rnd = new Random(seed);
        List<List<String>> strata = new ArrayList<>();
        for (HemorrhageClass c : RARITY) {
            for (DataSource source : dataset.sources()) {
                List<String> ids = new ArrayList<>(dataset.slices().stream()
                        .filter(s -> s.label() == c && dataset.sourceOf(s.patient()).equals(source.name()))
                        .map(CtSlice::id).toList());
                Collections.shuffle(ids, rnd);
                strata.add(ids);
            }
        }
        Map<String, Role> roles = Quotas.deal(strata, valFraction, testFraction);
        Map<String, Role> ordered = new LinkedHashMap<>();
        dataset.slices().forEach(s -> ordered.put(s.id(), roles.get(s.id())));
        return new Split("slice", seed, true, ordered);
    }

    /** k patient-level folds; every patient is tested in exactly one, strata dealt round-robin. */
    public static List<Fold> patientFolds(CtDataset dataset, int k, long seed) {
        int patients = dataset.patients().size();
        if (k < 2 || k > patients) {
            throw new IllegalArgumentException("folds must be between 2 and the number of patients (" + patients + "), got " + k);
        }
        List<Set<String>> tested = new ArrayList<>();
        for (int f = 0; f < k; f++) tested.add(new HashSet<>());
        int next = 0;
        for (List<String> stratum : patientStrata(dataset, p -> true, new Random(seed))) {
            for (String patient : stratum) {
                tested.get(next++ % k).add(patient);
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) folds.add(new Fold(f, tested.get(f)));
        return folds;
    }

    /**
     * Leave-source-out: one fold per source, in source order, testing every patient of that source (the other
     * sources train, {@link #foldSplit} taking their validation share). Needs at least two sources.
     */
    public static List<Fold> sourceFolds(CtDataset dataset) {
        if (dataset.sources().size() < 2) {
            throw new IllegalArgumentException("leave-source-out needs at least two sources, got " + dataset.sources().size());
        }
        List<Fold> folds = new ArrayList<>();
        for (DataSource source : dataset.sources()) {
            Set<String> patients = new HashSet<>();
            dataset.patients().stream().filter(p -> dataset.sourceOf(p).equals(source.name())).forEach(patients::add);
            folds.add(new Fold(folds.size(), patients));
        }
        return folds;
    }

    /** Test = the fold's patients; val = a stratified {@code valFraction} of the remaining (training) patients. */
    public static Split foldSplit(CtDataset dataset, Fold fold, double valFraction, long seed) {
        List<List<String>> strata = patientStrata(dataset, p -> !fold.testPatients().contains(p), new Random(seed));
        Map<String, Role> roles = Quotas.deal(strata, valFraction, 0);
        fold.testPatients().forEach(p -> roles.put(p, Role.TEST));
        return new Split("fold-" + fold.index(), seed, false, bySlice(dataset, roles));
    }

    /**
     * Keeps {@code share} of the split's training patients in training, stratified by rarest class (at least one
     * per class present) and the rest {@link Role#UNUSED}; validation and test stay as they are. The same seed
     * keeps nested sets: the patients kept at a share are among those kept at any larger share.
     */
    public static Split keepTrainingShare(Split split, CtDataset dataset, double share, long seed) {
        if (!(share > 0 && share <= 1)) throw new IllegalArgumentException("training share must be in (0, 1], not " + share);
        if (share == 1) return split;
        Set<String> training = split.patients(dataset.slices(), Role.TRAIN);
        Map<String, Role> roleByPatient = new LinkedHashMap<>();
        for (List<String> stratum : patientStrata(dataset, training::contains, new Random(seed))) {
            int keep = stratum.isEmpty() ? 0 : Math.max(1, (int) Math.round(share * stratum.size()));
            for (int i = 0; i < stratum.size(); i++) roleByPatient.put(stratum.get(i), i < keep ? Role.TRAIN : Role.UNUSED);
        }
        Map<String, Role> roles = new LinkedHashMap<>(split.roleBySliceId());
        dataset.slices().forEach(s -> roles.computeIfPresent(s.id(), (id, role) ->
                role == Role.TRAIN ? roleByPatient.get(s.patient()) : role));
        return new Split(split.protocol(), split.seed(), split.leaky(), roles);
    }

    /** The class that puts a patient in its stratum: the rarest class among its slices. */
    public static EnumMap<HemorrhageClass, List<String>> patientsByRarestClass(CtDataset dataset) {
        Map<String, Set<HemorrhageClass>> classes = new LinkedHashMap<>();
        dataset.slices().forEach(s -> classes.computeIfAbsent(s.patient(), p -> new HashSet<>()).add(s.label()));
        EnumMap<HemorrhageClass, List<String>> strata = new EnumMap<>(HemorrhageClass.class);
        for (HemorrhageClass c : RARITY) strata.put(c, new ArrayList<>());
        for (String patient : dataset.patients()) {
            HemorrhageClass rarest = RARITY.stream().filter(classes.get(patient)::contains).findFirst().orElseThrow();
            strata.get(rarest).add(patient);
        }
        return strata;
    }

    /**
     * Strata in rarity order, within a class one per source in source order, each shuffled by {@code rnd},
     * keeping only patients that pass {@code keep}.
     */
    private static List<List<String>> patientStrata(CtDataset dataset, Predicate<String> keep, Random rnd) {
        List<List<String>> strata = new ArrayList<>();
        for (List<String> stratum : patientsByRarestClass(dataset).values()) {
            for (DataSource source : dataset.sources()) {
                List<String> kept = new ArrayList<>(stratum.stream()
                        .filter(p -> keep.test(p) && dataset.sourceOf(p).equals(source.name())).toList());
                Collections.shuffle(kept, rnd);
                strata.add(kept);
            }
        }
        return strata;
    }

    private static Map<String, Role> bySlice(CtDataset dataset, Map<String, Role> roleByPatient) {
        Map<String, Role> roles = new LinkedHashMap<>();
        dataset.slices().forEach(s -> roles.put(s.id(), roleByPatient.get(s.patient())));
        return roles;
    }
}
