package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;

import java.util.EnumMap;
import java.util.Map;

/**
 * The data set a run used, as its report shows it: where it is, its layout ("ct-ich" or
 * "class-folders"), and how many patients, slices, slices per class and patients per class it has.
 * A run over several sources also summarises each source, by source name (empty for one source).
 */
public record DatasetSummary(String root, String layout, int patients, int slices,
                             EnumMap<HemorrhageClass, Integer> classCounts,
                             EnumMap<HemorrhageClass, Integer> classPatients,
                             Map<String, DatasetSummary> sources) {

    public DatasetSummary {
        sources = sources == null ? Map.of() : sources;
    }

    public DatasetSummary(String root, String layout, int patients, int slices,
                          EnumMap<HemorrhageClass, Integer> classCounts, EnumMap<HemorrhageClass, Integer> classPatients) {
        this(root, layout, patients, slices, classCounts, classPatients, Map.of());
    }
}
