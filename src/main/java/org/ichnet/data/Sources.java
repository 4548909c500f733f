package org.ichnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several data folders read as one data set. One folder is read exactly as {@link DatasetReader} reads it
 * (patient ids unchanged, so its splits stay as they were); with several, every patient id gets its
 * source's name in front ({@code ct-ich:049}, {@code phe-sich:0013}), so two sources' patient 13 are two
 * patients everywhere a patient is a key (splits, folds, per-patient decisions).
 */
public final class Sources {

    private Sources() {
    }

    public static CtDataset read(List<Path> roots, ReadOptions options) {
        if (roots.isEmpty()) throw new IllegalArgumentException("no data folder given");
        Set<Path> seen = new HashSet<>();
        for (Path root : roots) {
            if (!seen.add(root.toAbsolutePath().normalize())) {
                throw new DataException(root, "data folder given twice");
            }
        }
        if (roots.size() == 1) return DatasetReader.read(roots.get(0), options);
        return combine(roots.stream().map(root -> DatasetReader.read(root, options)).toList());
    }

    /** One data set of single-source data sets, each named by its layout (numbered when a layout repeats). */
    public static CtDataset combine(List<CtDataset> parts) {
        if (parts.size() == 1) return parts.get(0);
        List<DataSource> sources = new ArrayList<>();
        List<CtSlice> slices = new ArrayList<>();
        List<DataProblem> problems = new ArrayList<>();
        Map<String, Integer> perLayout = new HashMap<>();
        for (CtDataset part : parts) {
            if (part.sources().size() != 1) throw new IllegalArgumentException("already combined: " + part);
            int n = perLayout.merge(part.layout(), 1, Integer::sum);
            String name = n == 1 ? part.layout() : part.layout() + "-" + n;
            sources.add(new DataSource(name, part.root(), part.layout()));
            part.slices().forEach(s -> slices.add(s.withPatient(name + DataSource.SEPARATOR + s.patient())));
            problems.addAll(part.problems());
        }
        slices.sort(CtDataset.SLICE_ORDER);
        CtDataset first = parts.get(0);
        return new CtDataset(first.root(), first.layout(), slices, problems, sources);
    }

    /** Each source's slices as a data set of its own (patient ids kept as in {@code dataset}), in source order. */
    public static Map<DataSource, CtDataset> bySource(CtDataset dataset) {
        Map<DataSource, CtDataset> parts = new LinkedHashMap<>();
        if (dataset.sources().size() == 1) {
            parts.put(dataset.sources().get(0), dataset);
            return parts;
        }
        for (DataSource source : dataset.sources()) {
            List<CtSlice> slices = dataset.slices().stream()
                    .filter(s -> dataset.sourceOf(s.patient()).equals(source.name())).toList();
            List<DataProblem> problems = dataset.problems().stream()
                    .filter(p -> p.file().toAbsolutePath().normalize().startsWith(source.root().toAbsolutePath().normalize()))
                    .toList();
            parts.put(source, new CtDataset(source.root(), source.layout(), slices, problems, List.of(source)));
        }
        return parts;
    }
}
