package org.ichnet.report;

import org.ichnet.data.HemorrhageClass;

import java.util.EnumMap;

/** The data set actually used: where it is and how many patients, slices and slices per class it has. */
public record DatasetSummary(String root, int patients, int slices, EnumMap<HemorrhageClass, Integer> classCounts) {
}
