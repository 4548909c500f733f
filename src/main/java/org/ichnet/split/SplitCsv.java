package org.ichnet.split;

import org.ichnet.data.CsvTable;
import org.ichnet.data.CtDataset;
import org.ichnet.data.CtSlice;
import org.ichnet.data.DataException;
import org.ichnet.io.AtomicFiles;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code split.csv}: {@code patient,slice,role} with role train, val, test or unused (set aside by a training share). Reading it back needs a
 * role for every slice of the data set; rows for slices the data set lacks are ignored, so a split
 * made from brain images still serves a brain+bone read that dropped a slice without bone image.
 */
public final class SplitCsv {

    private SplitCsv() {
    }

    public static void write(Path file, Split split, CtDataset dataset) {
        StringBuilder csv = new StringBuilder("patient,slice,role\n");
        for (CtSlice s : dataset.slices()) {
            Role role = split.roleOf(s);
            if (role != null) {
                csv.append(s.patient()).append(',').append(s.sliceNumber()).append(',').append(role.csvName()).append('\n');
            }
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    public static Split read(Path file, CtDataset dataset) {
        CsvTable table = CsvTable.read(file);
        int[] col = table.columns("patient", "slice", "role");
        Map<String, CtSlice> sliceByKey = new HashMap<>();
        dataset.slices().forEach(s -> sliceByKey.put(key(s.patient(), s.sliceNumber()), s));
        Map<String, Role> roles = new HashMap<>();
        Map<String, Integer> lineById = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            CtSlice slice = sliceByKey.get(key(table.value(row, col[0]), table.intValue(row, col[1])));
            Role role = role(table, row, col[2]);
            if (slice == null) continue;
            Integer earlier = lineById.putIfAbsent(slice.id(), row.line());
            if (earlier != null) {
                throw new DataException(file, "line " + row.line() + ": slice " + slice.id() + " already has a role on line " + earlier);
            }
            roles.put(slice.id(), role);
        }
        List<CtSlice> missing = dataset.slices().stream().filter(s -> !roles.containsKey(s.id())).toList();
        if (!missing.isEmpty()) {
            throw new DataException(file, "no role for " + missing.size() + " of the data set's " + dataset.slices().size()
                    + " slices, e.g. " + missing.get(0).id() + " (was the split made for another data set?)");
        }
        Map<String, Role> ordered = new LinkedHashMap<>();
        dataset.slices().forEach(s -> ordered.put(s.id(), roles.get(s.id())));
        return new Split("file", -1, isLeaky(dataset, ordered), ordered);
    }

    /** How many distinct patients hold each role in a split.csv (roles without patients are absent). */
    public static Map<Role, Integer> patientsPerRole(Path file) {
        CsvTable table = CsvTable.read(file);
        int[] col = table.columns("patient", "slice", "role");
        Map<Role, Set<String>> patients = new EnumMap<>(Role.class);
        for (CsvTable.Row row : table.rows()) {
            patients.computeIfAbsent(role(table, row, col[2]), r -> new HashSet<>()).add(table.value(row, col[0]));
        }
        Map<Role, Integer> counts = new EnumMap<>(Role.class);
        patients.forEach((role, set) -> counts.put(role, set.size()));
        return counts;
    }

    private static Role role(CsvTable table, CsvTable.Row row, int column) {
        String value = table.value(row, column);
        try {
            return Role.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DataException(table.file(), "line " + row.line() + ": role must be train, val, test or unused, got '" + value + "'");
        }
    }

    private static boolean isLeaky(CtDataset dataset, Map<String, Role> roles) {
        Map<String, Role> rolePerPatient = new HashMap<>();
        for (CtSlice s : dataset.slices()) {
            Role earlier = rolePerPatient.putIfAbsent(s.patient(), roles.get(s.id()));
            if (earlier != null && earlier != roles.get(s.id())) return true;
        }
        return false;
    }

    private static String key(String patient, int slice) {
        return CtDataset.patientKey(patient) + "/" + slice;
    }
}
