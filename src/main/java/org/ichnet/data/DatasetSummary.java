package org.ichnet.data;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The counts that describe a data set, ready to print or serialise as JSON.
 *
 * @param source      the source's name; for several sources pooled, their names joined by "+"
 * @param types       raw per-slice counts of the five hemorrhage types (a slice may count in several)
 * @param lesionBoxes annotated lesion boxes on the slices read (PHE-SICH has them)
 * @param sources     the same counts for each source, in the order given (one entry when there is one source)
 */
public record DatasetSummary(String dataDir, String layout, String source, String labelPriority, int patients, int slices,
                             Map<HemorrhageClass, Integer> classes, Map<HemorrhageClass, Integer> classPatients,
                             int multiLabelSlices, Map<String, Integer> types, int fractureSlices, int lesionBoxes,
                             int problems, List<String> warnings, List<DatasetSummary> sources) {

    public static DatasetSummary of(CtDataset dataset, LabelPriority priority) {
        List<DatasetSummary> perSource = Sources.bySource(dataset).entrySet().stream()
                .map(e -> counts(e.getValue(), e.getKey().root().toString(), e.getKey().layout(), e.getKey().name(),
                        priority, List.of()))
                .toList();
        String names = String.join("+", dataset.sources().stream().map(DataSource::name).toList());
        return counts(dataset, dataset.rootsText(), dataset.layoutsText(), names, priority, perSource);
    }

    private static DatasetSummary counts(CtDataset dataset, String dataDir, String layout, String source,
                                         LabelPriority priority, List<DatasetSummary> perSource) {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("intraventricular", count(dataset, HemorrhageFlags::intraventricular));
        types.put("intraparenchymal", count(dataset, HemorrhageFlags::intraparenchymal));
        types.put("subarachnoid", count(dataset, HemorrhageFlags::subarachnoid));
        types.put("epidural", count(dataset, HemorrhageFlags::epidural));
        types.put("subdural", count(dataset, HemorrhageFlags::subdural));
        EnumMap<HemorrhageClass, Integer> classes = dataset.classCounts();
        EnumMap<HemorrhageClass, Integer> classPatients = dataset.classPatients();
        int boxes = dataset.slices().stream().mapToInt(s -> s.boxes().size()).sum();
        return new DatasetSummary(dataDir, layout, source, priority.toString(),
                dataset.patients().size(), dataset.slices().size(), classes, classPatients,
                dataset.multiLabelSlices().size(), types, count(dataset, HemorrhageFlags::fracture), boxes,
                dataset.problems().size(), dataset.problems().stream().map(DataProblem::toString).toList(), perSource);
    }

    private static int count(CtDataset dataset, Predicate<HemorrhageFlags> flag) {
        return (int) dataset.slices().stream().filter(s -> flag.test(s.flags())).count();
    }
}
