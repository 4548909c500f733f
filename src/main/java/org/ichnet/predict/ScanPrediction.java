package org.ichnet.predict;

import org.ichnet.clinical.Scan;
import org.ichnet.data.DataProblem;
import org.ichnet.data.HemorrhageClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ensemble's answer for one scan (a file, a folder, a DICOM series or a volume).
 *
 * @param anyHemorrhage    some slice is predicted as a class other than NORMAL
 * @param types            the hemorrhage classes predicted on at least one slice, in class order
 * @param hemorrhageSlices labels of the slices predicted as a hemorrhage, in slice order
 * @param maxProbability   per class, the highest ensemble probability over the slices (all 0 without slices)
 * @param problems         inputs of this scan that were skipped
 */
public record ScanPrediction(String name, Path source, List<SlicePrediction> slices, boolean anyHemorrhage,
                             List<HemorrhageClass> types, List<String> hemorrhageSlices, float[] maxProbability,
                             List<DataProblem> problems) {
    public ScanPrediction {
        slices = List.copyOf(slices);
        types = List.copyOf(types);
        hemorrhageSlices = List.copyOf(hemorrhageSlices);
        problems = List.copyOf(problems);
    }

    public static ScanPrediction of(Scan scan, List<SlicePrediction> slices) {
        return of(scan.name(), scan.source(), slices, scan.problems());
    }

    public static ScanPrediction of(String name, Path source, List<SlicePrediction> slices, List<DataProblem> problems) {
        Set<HemorrhageClass> types = EnumSet.noneOf(HemorrhageClass.class);
        List<String> hemorrhageSlices = new ArrayList<>();
        float[] max = new float[HemorrhageClass.COUNT];
        for (SlicePrediction s : slices) {
            HemorrhageClass c = s.predicted();
            if (c != HemorrhageClass.NORMAL) {
                types.add(c);
                hemorrhageSlices.add(s.label());
            }
            for (int k = 0; k < max.length; k++) max[k] = Math.max(max[k], s.probabilities()[k]);
        }
        return new ScanPrediction(name, source, slices, !types.isEmpty(), new ArrayList<>(types), hemorrhageSlices,
                max, problems);
    }
}
