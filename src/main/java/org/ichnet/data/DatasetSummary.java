package org.ichnet.data;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The counts that describe a data set, ready to print or serialise as JSON.
 *
 * @param types raw per-slice counts of the five hemorrhage types (a slice may count in several)
 */
public record DatasetSummary(String dataDir, String layout, String labelPriority, int patients, int slices,
                             Map<HemorrhageClass, Integer> classes, Map<HemorrhageClass, Integer> classPatients,
                             int multiLabelSlices, Map<String, Integer> types, int fractureSlices,
                             int problems, List<String> warnings) {

    public static DatasetSummary of(CtDataset dataset, LabelPriority priority) {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("intraventricular", count(dataset, HemorrhageFlags::intraventricular));
        types.put("intraparenchymal", count(dataset, HemorrhageFlags::intraparenchymal));
        types.put("subarachnoid", count(dataset, HemorrhageFlags::subarachnoid));
        types.put("epidural", count(dataset, HemorrhageFlags::epidural));
        types.put("subdural", count(dataset, HemorrhageFlags::subdural));
        EnumMap<HemorrhageClass, Integer> classes = dataset.classCounts();
        EnumMap<HemorrhageClass, Integer> classPatients = dataset.classPatients();
        return new DatasetSummary(dataset.root().toString(), dataset.layout(), priority.toString(),
                dataset.patients().size(), dataset.slices().size(), classes, classPatients,
                dataset.multiLabelSlices().size(), types, count(dataset, HemorrhageFlags::fracture),
                dataset.problems().size(), dataset.problems().stream().map(DataProblem::toString).toList());
    }

    private static int count(CtDataset dataset, Predicate<HemorrhageFlags> flag) {
        return (int) dataset.slices().stream().filter(s -> flag.test(s.flags())).count();
    }
}
