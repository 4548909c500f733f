package org.ichnet.split;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import static org.ichnet.data.CtDataset.PATIENT_ORDER;

/** Fold {@code index} (0-based) of a patient-level k-fold: the patients it tests. */
public record Fold(int index, Set<String> testPatients) {
    public Fold {
        TreeSet<String> sorted = new TreeSet<>(PATIENT_ORDER);
        sorted.addAll(testPatients);
        testPatients = Collections.unmodifiableSet(sorted);
    }
}
