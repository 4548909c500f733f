package org.ichnet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of images with a two-column {@code labels.csv}: an image file name (relative to the folder) and 0/1
 * for any hemorrhage; a header row is optional. 1 becomes {@link HemorrhageClass#ICH} (type unknown) and 0
 * {@link HemorrhageClass#NORMAL}, so only the any-hemorrhage metrics mean anything on such data.
 *
 * <p>An image named {@code <patient>_<slice>.<ext>} belongs to that patient; any other image is a patient of its
 * own. It is told apart from PHE-SICH's {@code labels.csv} (whose names are in {@code images/}) by its columns:
 * exactly two, the first naming a file in this folder.
 */
public final class ImageLabelsReader {

    public static final String LABEL_FILE = "labels.csv";

    private static final Pattern PATIENT_SLICE = Pattern.compile("(.+)_(\\d{1,9})");
    private static final HemorrhageFlags ANY_HEMORRHAGE = new HemorrhageFlags(false, true, false, false, false, false);

    private ImageLabelsReader() {
    }

    /** Whether {@code labels.csv} has two columns and its first entry names an image in this folder. */
    public static boolean recognises(Path root) {
        Path file = root.resolve(LABEL_FILE);
        if (!Files.isRegularFile(file)) return false;
        try {
            List<CsvTable.Row> rows = rows(CsvTable.read(file));
            return !rows.isEmpty() && rows.get(0).values().size() == 2
                    && Files.isRegularFile(root.resolve(rows.get(0).values().get(0).trim()));
        } catch (DataException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    public static CtDataset read(Path root, ReadOptions options) {
        if (options.needBone()) {
            throw new DataException(root, "brain+bone input needs the CT-ICH layout; an image list has no bone window");
        }
        Path file = root.resolve(LABEL_FILE);
        CsvTable table = CsvTable.read(file);
        ProblemLog log = new ProblemLog(options.strict());
        Map<String, Integer> lineById = new HashMap<>();
        Map<String, Integer> nextSlice = new HashMap<>();
        List<CtSlice> slices = new ArrayList<>();
        for (CsvTable.Row row : rows(table)) {
            if (row.values().size() != 2) {
                throw new DataException(file, "line " + row.line() + ": expected 2 fields (image, 0/1), found " + row.values().size());
            }
            String name = row.values().get(0).trim(), value = row.values().get(1).trim();
            if (!value.equals("0") && !value.equals("1")) {
                throw new DataException(file, "line " + row.line() + ": label must be 0 or 1, got '" + value + "'");
            }
            Path image = root.resolve(name);
            if (!Files.isRegularFile(image)) {
                log.report(image, "no such image (line " + row.line() + " of " + LABEL_FILE + "); skipped");
                continue;
            }
            String stem = image.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Matcher m = PATIENT_SLICE.matcher(stem);
            String patient = CtDataset.patientKey(m.matches() ? m.group(1) : stem);
            int slice = m.matches() ? Integer.parseInt(m.group(2)) : nextSlice.merge(patient, 1, Integer::sum);
            Integer earlier = lineById.putIfAbsent(patient + "/" + slice, row.line());
            if (earlier != null) {
                throw new DataException(file, "line " + row.line() + ": " + name + " is slice " + slice + " of patient "
                        + patient + " again (line " + earlier + ")");
            }
            boolean hemorrhage = value.equals("1");
            slices.add(new CtSlice(patient, slice, hemorrhage ? HemorrhageClass.ICH : HemorrhageClass.NORMAL,
                    hemorrhage ? ANY_HEMORRHAGE : HemorrhageFlags.NONE, image, null, null));
        }
        slices.sort(CtDataset.SLICE_ORDER);
        return new CtDataset(root, CtDataset.LAYOUT_IMAGE_LABELS, slices, log.problems());
    }

    /** The data rows: the header is one too when its second field is already a label. */
    private static List<CsvTable.Row> rows(CsvTable table) {
        List<String> header = table.header();
        if (header.size() == 2 && (header.get(1).equals("0") || header.get(1).equals("1"))) {
            List<CsvTable.Row> rows = new ArrayList<>();
            rows.add(new CsvTable.Row(1, header));
            rows.addAll(table.rows());
            return rows;
        }
        return table.rows();
    }
}
