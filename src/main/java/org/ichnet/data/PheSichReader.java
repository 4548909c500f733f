package org.ichnet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PHE-SICH-CT-IDS layout: {@code labels.csv} ({@code filename,label}), {@code images/PPPP_SS.png}
 * (brain window; patient PPPP, slice SS) and, when present, {@code boxes.csv}
 * ({@code file,xmin,ymin,xmax,ymax,width,height}). Every lesion of this set is intraparenchymal, so label 1
 * is {@link HemorrhageClass#ICH} and 0 is {@link HemorrhageClass#NORMAL}. The labels are weak: 1 means the
 * slice carries a lesion box, so a slice at the edge of a hematoma may be labelled 0.
 *
 * <p>A patient named only by the labels, or only by the images, is one problem and its slices are skipped
 * (the release has one of each: 0070 and 0013). Images are not decoded or rotated here.
 */
public final class PheSichReader {

    public static final String LABEL_FILE = "labels.csv";
    public static final String BOX_FILE = "boxes.csv";
    public static final String IMAGE_FOLDER = "images";

    private static final Pattern SLICE_NAME = Pattern.compile("(\\d{1,9})_(\\d{1,9})\\.png", Pattern.CASE_INSENSITIVE);

    private record Label(int line, boolean lesion) {
    }

    private PheSichReader() {
    }

    /** Whether a folder has this layout's files: the label file and the image folder. */
    public static boolean recognises(Path root) {
        return Files.isRegularFile(root.resolve(LABEL_FILE)) && Files.isDirectory(root.resolve(IMAGE_FOLDER));
    }

    public static CtDataset read(Path root, ReadOptions options) {
        if (!Files.isDirectory(root)) {
            throw new DataException(root, "no such data folder");
        }
        if (options.needBone()) {
            throw new DataException(root, "brain+bone input needs the CT-ICH layout; PHE-SICH has no bone window");
        }
        Path labelFile = root.resolve(LABEL_FILE);
        Path imageRoot = root.resolve(IMAGE_FOLDER);
        if (!Files.isRegularFile(labelFile)) {
            throw new DataException(labelFile, "missing label file (the PHE-SICH layout needs " + LABEL_FILE + ")");
        }
        if (!Files.isDirectory(imageRoot)) {
            throw new DataException(imageRoot, "missing image folder (the PHE-SICH layout needs " + IMAGE_FOLDER + "/)");
        }
        ProblemLog log = new ProblemLog(options.strict());
        Map<String, Label> labels = readLabels(labelFile);
        Map<String, Path> images = listImages(imageRoot, log);
        Map<String, List<LesionBox>> boxes = Files.isRegularFile(root.resolve(BOX_FILE))
                ? readBoxes(root.resolve(BOX_FILE)) : Map.of();

        Map<String, List<String>> labelledByPatient = byPatient(labels.keySet());
        Map<String, List<String>> imagedByPatient = byPatient(images.keySet());
        TreeSet<String> patients = new TreeSet<>(CtDataset.PATIENT_ORDER);
        patients.addAll(labelledByPatient.keySet());
        patients.addAll(imagedByPatient.keySet());
        List<CtSlice> slices = new ArrayList<>();
        for (String patient : patients) {
            List<String> labelled = labelledByPatient.getOrDefault(patient, List.of());
            List<String> imaged = imagedByPatient.getOrDefault(patient, List.of());
            if (imaged.isEmpty()) {
                log.report(labelFile, "patient " + patient + ": " + labelled.size() + " label rows but no images in "
                        + IMAGE_FOLDER + "/; skipped");
            } else if (labelled.isEmpty()) {
                log.report(imageRoot, "patient " + patient + ": " + imaged.size() + " images but no label rows in "
                        + LABEL_FILE + "; skipped");
            } else {
                readPatient(labelled, imaged, labels, images, boxes, imageRoot, log, slices);
            }
        }
        slices.sort(CtDataset.SLICE_ORDER);
        return new CtDataset(root, CtDataset.LAYOUT_PHE_SICH, slices, log.problems());
    }

    private static void readPatient(List<String> labelled, List<String> imaged, Map<String, Label> labels,
                                    Map<String, Path> images, Map<String, List<LesionBox>> boxes, Path imageRoot,
                                    ProblemLog log, List<CtSlice> out) {
        for (String name : labelled) {
            Path image = images.get(name);
            if (image == null) {
                log.report(imageRoot.resolve(name), "no image for the label row on line " + labels.get(name).line()
                        + " of " + LABEL_FILE + "; slice skipped");
                continue;
            }
            Matcher m = SLICE_NAME.matcher(name);
            m.matches();
            boolean lesion = labels.get(name).lesion();
            out.add(new CtSlice(m.group(1), Integer.parseInt(m.group(2)),
                    lesion ? HemorrhageClass.ICH : HemorrhageClass.NORMAL, lesion ? INTRAPARENCHYMAL : HemorrhageFlags.NONE,
                    image, null, null, boxes.getOrDefault(name, List.of())));
        }
        for (String name : imaged) {
            if (!labels.containsKey(name)) {
                log.report(images.get(name), "image has no label row in " + LABEL_FILE + "; ignored");
            }
        }
    }

    private static final HemorrhageFlags INTRAPARENCHYMAL = new HemorrhageFlags(false, true, false, false, false, false);

    /** Label by file name; a row that does not name a slice image or has another label than 0/1 is fatal. */
    private static Map<String, Label> readLabels(Path file) {
        CsvTable table = CsvTable.read(file);
        int[] col = table.columns("filename", "label");
        Map<String, Label> labels = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String name = sliceName(table, row, col[0]);
            String value = table.value(row, col[1]);
            if (!value.equals("0") && !value.equals("1")) {
                throw new DataException(file, "line " + row.line() + ": label must be 0 or 1, got '" + value + "'");
            }
            Label earlier = labels.putIfAbsent(name, new Label(row.line(), value.equals("1")));
            if (earlier != null) {
                throw new DataException(file, "line " + row.line() + ": " + name + " already labelled on line " + earlier.line());
            }
        }
        return labels;
    }

    /** Boxes by file name, in file order; a box may name a slice that is skipped (then it is unused). */
    private static Map<String, List<LesionBox>> readBoxes(Path file) {
        CsvTable table = CsvTable.read(file);
        int[] col = table.columns("file", "xmin", "ymin", "xmax", "ymax", "width", "height");
        Map<String, List<LesionBox>> boxes = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String name = sliceName(table, row, col[0]);
            LesionBox box = new LesionBox(number(table, row, col[1]), number(table, row, col[2]),
                    number(table, row, col[3]), number(table, row, col[4]), table.intValue(row, col[5]), table.intValue(row, col[6]));
            boxes.computeIfAbsent(name, k -> new ArrayList<>()).add(box);
        }
        return boxes;
    }

    private static String sliceName(CsvTable table, CsvTable.Row row, int column) {
        String name = table.value(row, column);
        if (!SLICE_NAME.matcher(name).matches()) {
            throw new DataException(table.file(), "line " + row.line() + ": expected a slice image name PPPP_SS.png, got '" + name + "'");
        }
        return name;
    }

    private static double number(CsvTable table, CsvTable.Row row, int column) {
        String v = table.value(row, column);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new DataException(table.file(), "line " + row.line() + ": column " + table.header().get(column)
                    + ": expected a number, got '" + v + "'");
        }
    }

    private static Map<String, Path> listImages(Path imageRoot, ProblemLog log) {
        Map<String, Path> images = new HashMap<>();
        for (Path file : SliceFolder.list(imageRoot)) {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) continue;
            if (Files.isDirectory(file) || !SLICE_NAME.matcher(name).matches()) {
                log.report(file, "not a PHE-SICH slice image (expected PPPP_SS.png); ignored");
            } else {
                images.put(name, file);
            }
        }
        return images;
    }

    /** File names grouped by the patient part of the name, each group in name order. */
    private static Map<String, List<String>> byPatient(Iterable<String> names) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String name : names) {
            Matcher m = SLICE_NAME.matcher(name);
            m.matches();
            groups.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(name);
        }
        groups.values().forEach(list -> list.sort(null));
        return groups;
    }
}
