package org.ichnet.data;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A labelled data set: slices sorted by (patient, slice number) and the per-slice problems met while
 * reading it (each a skipped slice or file).
 *
 * @param layout {@link #LAYOUT_CT_ICH} or {@link #LAYOUT_CLASS_FOLDERS}
 */
public record CtDataset(Path root, String layout, List<CtSlice> slices, List<DataProblem> problems) {

    public static final String LAYOUT_CT_ICH = "ct-ich";
    public static final String LAYOUT_CLASS_FOLDERS = "class-folders";

    /** Patient ids in numeric order when both are numbers ("49" before "100"), else by text. */
    public static final Comparator<String> PATIENT_ORDER = CtDataset::comparePatients;

    /** Slices ordered by patient, then slice number. */
    public static final Comparator<CtSlice> SLICE_ORDER =
            Comparator.comparing(CtSlice::patient, PATIENT_ORDER).thenComparingInt(CtSlice::sliceNumber);

    public CtDataset {
        slices = List.copyOf(slices);
        problems = List.copyOf(problems);
    }

    /** The same data set with only {@code kept} (e.g. the slices whose images decoded), its problems kept. */
    public CtDataset keeping(List<CtSlice> kept) {
        return new CtDataset(root, layout, kept, problems);
    }

    public List<String> patients() {
        Set<String> ids = new TreeSet<>(PATIENT_ORDER);
        slices.forEach(s -> ids.add(s.patient()));
        return List.copyOf(ids);
    }

    /** Slices per class, every class present (zero when absent). */
    public EnumMap<HemorrhageClass, Integer> classCounts() {
        EnumMap<HemorrhageClass, Integer> counts = zeroCounts();
        slices.forEach(s -> counts.merge(s.label(), 1, Integer::sum));
        return counts;
    }

    /** Patients with at least one slice of each class. */
    public EnumMap<HemorrhageClass, Integer> classPatients() {
        EnumMap<HemorrhageClass, Set<String>> patients = new EnumMap<>(HemorrhageClass.class);
        for (HemorrhageClass c : HemorrhageClass.values()) patients.put(c, new TreeSet<>());
        slices.forEach(s -> patients.get(s.label()).add(s.patient()));
        EnumMap<HemorrhageClass, Integer> counts = zeroCounts();
        patients.forEach((c, ids) -> counts.put(c, ids.size()));
        return counts;
    }

    /** Slices marked with more than one hemorrhage type. */
    public List<CtSlice> multiLabelSlices() {
        return slices.stream().filter(s -> s.flags().typeCount() > 1).toList();
    }

    private static EnumMap<HemorrhageClass, Integer> zeroCounts() {
        EnumMap<HemorrhageClass, Integer> counts = new EnumMap<>(HemorrhageClass.class);
        for (HemorrhageClass c : HemorrhageClass.values()) counts.put(c, 0);
        return counts;
    }

    private static int comparePatients(String a, String b) {
        boolean numeric = isNumber(a) && isNumber(b);
        if (numeric) {
            int byValue = Long.compare(Long.parseLong(a), Long.parseLong(b));
            if (byValue != 0) return byValue;
        }
        return a.compareTo(b);
    }

    /** The key that matches spellings of one patient: numbers without leading zeros ("049" and "49" give "49"), anything else as written. */
    public static String patientKey(String patient) {
        return isNumber(patient) ? Long.toString(Long.parseLong(patient)) : patient;
    }

    static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 18 && s.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return layout + " data set at " + root + ": " + slices.size() + " slices, " + problems.size() + " problems";
    }
}
