package org.ichnet.split;

import org.ichnet.data.CtSlice;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.ichnet.data.CtDataset.PATIENT_ORDER;

/**
 * A role for every slice, keyed by slice id ({@code patient/slice}).
 *
 * @param protocol how it was made: "patient", "slice", "fold-&lt;i&gt;", or "file" when read back
 * @param seed     the seed it was made with; -1 when read from a file
 * @param leaky    true when one patient's slices may sit in different roles (the paper's slice split)
 */
public record Split(String protocol, long seed, boolean leaky, Map<String, Role> roleBySliceId) {

    public Split {
        roleBySliceId = Collections.unmodifiableMap(new LinkedHashMap<>(roleBySliceId));
    }

    /** The role of a slice, or null when the split does not cover it. */
    public Role roleOf(CtSlice slice) {
        return roleBySliceId.get(slice.id());
    }

    /** The given slices that have {@code role}, in the given order. */
    public List<CtSlice> select(List<CtSlice> slices, Role role) {
        return slices.stream().filter(s -> roleOf(s) == role).toList();
    }

    /** Slices per role, every role of {@link #rolesInUse()} present (0 when it has no slices). */
    public Map<Role, Integer> counts() {
        EnumMap<Role, Integer> counts = new EnumMap<>(Role.class);
        for (Role r : rolesInUse()) counts.put(r, 0);
        roleBySliceId.values().forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    /** Train, validation and test, and {@link Role#UNUSED} only when a training share set slices aside. */
    public List<Role> rolesInUse() {
        return java.util.Arrays.stream(Role.values())
                .filter(r -> r != Role.UNUSED || roleBySliceId.containsValue(Role.UNUSED)).toList();
    }

    /** Patients with at least one of the given slices in {@code role}. */
    public Set<String> patients(List<CtSlice> slices, Role role) {
        Set<String> patients = new TreeSet<>(PATIENT_ORDER);
        select(slices, role).forEach(s -> patients.add(s.patient()));
        return Collections.unmodifiableSet(patients);
    }
}
