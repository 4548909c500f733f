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
 * <p>One data folder is one source, its patient ids as the folder spells them. Several sources read
 * together (see {@link Sources}) namespace every patient id with the source's name
 * ({@code phe-sich:0013}); then {@code root} and {@code layout} are the first source's.
 *
 * @param layout  {@link #LAYOUT_CT_ICH}, {@link #LAYOUT_PHE_SICH}, {@link #LAYOUT_IMAGE_LABELS} or {@link #LAYOUT_CLASS_FOLDERS}
 * @param sources the data folders read, in the order given
 */
public record CtDataset(Path root, String layout, List<CtSlice> slices, List<DataProblem> problems,
                        List<DataSource> sources) {

    public static final String LAYOUT_CT_ICH = "ct-ich";
    public static final String LAYOUT_PHE_SICH = "phe-sich";
    public static final String LAYOUT_CLASS_FOLDERS = "class-folders";
    /** Images listed in a two-column labels.csv (0/1 any hemorrhage): {@link ImageLabelsReader}. */
    public static final String LAYOUT_IMAGE_LABELS = "image-labels";

    /** Patient ids in numeric order when both are numbers ("49" before "100"), else by text. */
    public static final Comparator<String> PATIENT_ORDER = CtDataset::comparePatients;

    /** Slices ordered by patient, then slice number. */
    public static final Comparator<CtSlice> SLICE_ORDER =
            Comparator.comparing(CtSlice::patient, PATIENT_ORDER).thenComparingInt(CtSlice::sliceNumber);

    public CtDataset {
        slices = List.copyOf(slices);
        problems = List.copyOf(problems);
        sources = List.copyOf(sources);
        if (sources.isEmpty()) throw new IllegalArgumentException("a data set needs at least one source");
    }

    /** One data folder: one source, named by its layout. */
    public CtDataset(Path root, String layout, List<CtSlice> slices, List<DataProblem> problems) {
        this(root, layout, slices, problems, List.of(new DataSource(layout, root, layout)));
    }

    /** The same data set with only {@code kept} (e.g. the slices whose images decoded), its problems kept. */
    public CtDataset keeping(List<CtSlice> kept) {
        return keeping(kept, problems);
    }

    /** The same sources with other slices and problems. */
    public CtDataset keeping(List<CtSlice> kept, List<DataProblem> otherProblems) {
        return new CtDataset(root, layout, kept, otherProblems, sources);
    }

    /** The data folder, or every source's folder joined by " + ". */
    public String rootsText() {
        return String.join(" + ", sources.stream().map(s -> s.root().toString()).toList());
    }

    /** The layout, or every source's layout joined by "+". */
    public String layoutsText() {
        return String.join("+", sources.stream().map(DataSource::layout).toList());
    }

    /** The name of the source a patient comes from: the only one, or the namespace of its id. */
    public String sourceOf(String patient) {
        if (sources.size() == 1) return sources.get(0).name();
        int separator = patient.indexOf(DataSource.SEPARATOR);
        if (separator < 0) throw new IllegalArgumentException("patient id '" + patient + "' has no source namespace");
        return patient.substring(0, separator);
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
        int sa = a.indexOf(DataSource.SEPARATOR), sb = b.indexOf(DataSource.SEPARATOR);
        if (sa >= 0 && sb >= 0) {
            int bySource = a.substring(0, sa).compareTo(b.substring(0, sb));
            return bySource != 0 ? bySource : comparePatients(a.substring(sa + 1), b.substring(sb + 1));
        }
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
        String where = sources.size() == 1 ? layout + " data set at " + root
                : sources.size() + " sources (" + String.join(", ", sources.stream().map(DataSource::name).toList()) + ")";
        return where + ": " + slices.size() + " slices, " + problems.size() + " problems";
    }
}
