package org.ichnet.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the CT-ICH release layout: {@code hemorrhage_diagnosis.csv} and
 * {@code Patients_CT/<patient>/{brain,bone}/<slice>.jpg}. Patient folders may be zero-padded
 * ({@code 049}) or not ({@code 49}); the CSV's {@code 49} matches either, and the slice keeps the
 * folder's spelling. Images are not decoded here (see {@code preprocess.ImageVerifier}).
 */
public final class CtIchReader {

    public static final String IMAGE_FOLDER = "Patients_CT";

    private CtIchReader() {
    }

    /** Whether a file is a CT-ICH hemorrhage mask ({@code <n>_HGE_Seg.jpg}), not a slice. */
    public static boolean isMask(Path file) {
        return SliceFolder.isMask(file);
    }

    public static CtDataset read(Path root, ReadOptions options) {
        if (!Files.isDirectory(root)) {
            throw new DataException(root, "no such data folder");
        }
        Path csv = root.resolve(DiagnosisCsv.FILE_NAME);
        if (!Files.isRegularFile(csv)) {
            throw new DataException(csv, "missing label file (the CT-ICH layout needs " + DiagnosisCsv.FILE_NAME + ")");
        }
        Path imageRoot = root.resolve(IMAGE_FOLDER);
        if (!Files.isDirectory(imageRoot)) {
            throw new DataException(imageRoot, "missing image folder (the CT-ICH layout needs " + IMAGE_FOLDER + "/)");
        }
        Map<String, List<DiagnosisCsv.Row>> rowsByPatient = new LinkedHashMap<>();
        for (DiagnosisCsv.Row row : DiagnosisCsv.read(csv)) {
            rowsByPatient.computeIfAbsent(CtDataset.patientKey(row.patient()), k -> new ArrayList<>()).add(row);
        }
        Map<String, Path> folders = patientFolders(imageRoot);

        ProblemLog log = new ProblemLog(options.strict());
        List<CtSlice> slices = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(CtDataset.PATIENT_ORDER);
        keys.addAll(rowsByPatient.keySet());
        keys.addAll(folders.keySet());
        for (String key : keys) {
            List<DiagnosisCsv.Row> rows = rowsByPatient.getOrDefault(key, List.of());
            Path folder = folders.get(key);
            if (folder == null) {
                log.report(imageRoot.resolve(key), "no image folder for patient " + rows.get(0).patient()
                        + " (" + rows.size() + " label rows in " + DiagnosisCsv.FILE_NAME + " skipped)");
            } else {
                readPatient(folder, rows, options, log, slices);
            }
        }
        slices.sort(CtDataset.SLICE_ORDER);
        return new CtDataset(root, CtDataset.LAYOUT_CT_ICH, slices, log.problems());
    }

    private static void readPatient(Path folder, List<DiagnosisCsv.Row> rows, ReadOptions options,
                                    ProblemLog log, List<CtSlice> out) {
        SliceFolder brain = SliceFolder.scan(folder.resolve("brain"), log);
        SliceFolder bone = SliceFolder.scan(folder.resolve("bone"), log);
        if (rows.isEmpty()) {
            log.report(folder, "patient folder has no label rows in " + DiagnosisCsv.FILE_NAME
                    + " (" + brain.images().size() + " brain images skipped)");
            return;
        }
        String patient = folder.getFileName().toString();
        for (DiagnosisCsv.Row row : rows) {
            int n = row.sliceNumber();
            Path brainImage = brain.images().get(n);
            Path boneImage = bone.images().get(n);
            if (brainImage == null) {
                log.report(folder.resolve("brain").resolve(n + ".jpg"), "no image for the label row on line "
                        + row.line() + " of " + DiagnosisCsv.FILE_NAME + "; slice skipped");
            } else if (boneImage == null && options.needBone()) {
                log.report(folder.resolve("bone").resolve(n + ".jpg"), "no bone-window image; slice skipped (brain+bone input)");
            } else {
                out.add(new CtSlice(patient, n, options.priority().classify(row.flags()), row.flags(),
                        brainImage, boneImage, brain.masks().get(n)));
            }
        }
        TreeSet<Integer> labelled = new TreeSet<>();
        rows.forEach(r -> labelled.add(r.sliceNumber()));
        for (SliceFolder images : List.of(brain, bone)) {
            images.images().forEach((n, file) -> {
                if (!labelled.contains(n)) {
                    log.report(file, "image has no label row in " + DiagnosisCsv.FILE_NAME + "; ignored");
                }
            });
        }
    }

    /** Patient folders by key ("049" and "49" both have key "49"); two folders for one patient is fatal. */
    private static Map<String, Path> patientFolders(Path imageRoot) {
        Map<String, Path> folders = new TreeMap<>();
        for (Path folder : SliceFolder.list(imageRoot)) {
            String name = folder.getFileName().toString();
            if (!Files.isDirectory(folder) || name.startsWith(".")) continue;
            Path earlier = folders.putIfAbsent(CtDataset.patientKey(name), folder);
            if (earlier != null) {
                throw new DataException(folder, "same patient as folder " + earlier.getFileName());
            }
        }
        return folders;
    }
}
