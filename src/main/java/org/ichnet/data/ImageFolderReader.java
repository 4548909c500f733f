package org.ichnet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a generic {@code <root>/<CLASS>/*.{jpg,jpeg,png}} layout; folder names match
 * {@link HemorrhageClass} names ignoring case.
 *
 * <p>The patient id is the file name before the first {@code _}, otherwise the whole name without
 * extension. Name files {@code <patient>_<slice>.png} so that splits can keep a patient's slices
 * together; a file without {@code _} counts as a patient of its own. The slice number is the number
 * after the {@code _}; when a patient's files lack unique numbers they are numbered 1, 2, ... in
 * file-name order.
 *
 * <p>There are no type annotations or bone windows here: flags are derived from the folder (an ICH
 * folder is recorded as intraparenchymal, the subtype being unknown) and bone images are null.
 */
public final class ImageFolderReader {

    private ImageFolderReader() {
    }

    private record Entry(String patient, String sliceText, HemorrhageClass label, Path file) {
    }

    public static CtDataset read(Path root, ReadOptions options) {
        if (!Files.isDirectory(root)) {
            throw new DataException(root, "no such data folder");
        }
        if (options.needBone()) {
            throw new DataException(root, "brain+bone input needs the CT-ICH layout; class folders have no bone window");
        }
        ProblemLog log = new ProblemLog(options.strict());
        List<Entry> entries = new ArrayList<>();
        boolean anyClassFolder = false;
        for (Path folder : SliceFolder.list(root)) {
            String name = folder.getFileName().toString();
            if (!Files.isDirectory(folder) || name.startsWith(".")) continue;
            HemorrhageClass label = classOf(folder);
            anyClassFolder = true;
            for (Path file : SliceFolder.list(folder)) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".")) continue;
                String stem = imageStem(fileName);
                if (stem == null || Files.isDirectory(file)) {
                    log.report(file, "not an image (expected .jpg, .jpeg or .png); ignored");
                    continue;
                }
                int underscore = stem.indexOf('_');
                String patient = underscore > 0 ? stem.substring(0, underscore) : stem;
                String sliceText = underscore > 0 ? stem.substring(underscore + 1) : "";
                // one patient however its number is padded: 049_3.png and 49_5.png are the same patient
                entries.add(new Entry(CtDataset.patientKey(patient), sliceText, label, file));
            }
        }
        if (!anyClassFolder) {
            throw new DataException(root, "no class folders (expected " + acceptedNames() + ", the CT-ICH layout with "
                    + DiagnosisCsv.FILE_NAME + ", or PHE-SICH with " + PheSichReader.LABEL_FILE + " and "
                    + PheSichReader.IMAGE_FOLDER + "/)");
        }
        List<CtSlice> slices = new ArrayList<>();
        Map<String, List<Entry>> byPatient = new LinkedHashMap<>();
        entries.forEach(e -> byPatient.computeIfAbsent(e.patient(), k -> new ArrayList<>()).add(e));
        byPatient.forEach((patient, files) -> slices.addAll(number(files)));
        slices.sort(CtDataset.SLICE_ORDER);
        return new CtDataset(root, CtDataset.LAYOUT_CLASS_FOLDERS, slices, log.problems());
    }

    private static List<CtSlice> number(List<Entry> files) {
        Set<String> seen = new HashSet<>();
        boolean numbered = files.stream().allMatch(e -> CtDataset.isNumber(e.sliceText()) && e.sliceText().length() < 10
                && seen.add(Integer.toString(Integer.parseInt(e.sliceText()))));
        Map<String, Entry> byName = new TreeMap<>();
        files.forEach(e -> byName.put(e.file().getFileName().toString(), e));
        List<CtSlice> slices = new ArrayList<>();
        int next = 1;
        for (Entry e : byName.values()) {
            int slice = numbered ? Integer.parseInt(e.sliceText()) : next++;
            slices.add(new CtSlice(e.patient(), slice, e.label(), flagsOf(e.label()), e.file(), null, null));
        }
        return slices;
    }

    private static HemorrhageClass classOf(Path folder) {
        String name = folder.getFileName().toString().toUpperCase(Locale.ROOT);
        for (HemorrhageClass c : HemorrhageClass.values()) {
            if (c.name().equals(name)) return c;
        }
        throw new DataException(folder, "unknown class folder (accepted: " + acceptedNames() + ")");
    }

    private static HemorrhageFlags flagsOf(HemorrhageClass label) {
        return switch (label) {
            case NORMAL -> HemorrhageFlags.NONE;
            case ICH -> new HemorrhageFlags(false, true, false, false, false, false);
            case SDH -> new HemorrhageFlags(false, false, false, false, true, false);
            case EDH -> new HemorrhageFlags(false, false, false, true, false, false);
        };
    }

    /** The name without its image extension, or null when it is not a JPG/PNG name. */
    private static String imageStem(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".jpg", ".jpeg", ".png")) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        return null;
    }

    private static String acceptedNames() {
        return Arrays.stream(HemorrhageClass.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
