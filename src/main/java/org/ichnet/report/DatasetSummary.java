package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;

import java.util.EnumMap;

/**
 * The data set a run used, as its report shows it: where it is, its layout ("ct-ich" or
 * "class-folders"), and how many patients, slices, slices per class and patients per class it has.
 */
public record DatasetSummary(String root, String layout, int patients, int slices,
                             EnumMap<HemorrhageClass, Integer> classCounts,
                             EnumMap<HemorrhageClass, Integer> classPatients) {
}
