package org.ichnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The images of one CT-ICH {@code brain} or {@code bone} folder: {@code <n>.jpg} is slice n,
 * {@code <n>_HGE_Seg.jpg} its hemorrhage mask. Any other visible file is a problem.
 */
record SliceFolder(Map<Integer, Path> images, Map<Integer, Path> masks) {

    private static final Pattern IMAGE = Pattern.compile("(\\d{1,9})\\.(jpe?g|png)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MASK = Pattern.compile("(\\d{1,9})_HGE_Seg\\.(jpe?g|png)", Pattern.CASE_INSENSITIVE);

    static final SliceFolder EMPTY = new SliceFolder(Map.of(), Map.of());

    static boolean isMask(Path file) {
        return MASK.matcher(file.getFileName().toString()).matches();
    }

    static SliceFolder scan(Path folder, ProblemLog log) {
        if (!Files.isDirectory(folder)) {
            return EMPTY;
        }
        Map<Integer, Path> images = new TreeMap<>();
        Map<Integer, Path> masks = new TreeMap<>();
        for (Path file : list(folder)) {
            String name = file.getFileName().toString();
            Matcher image = IMAGE.matcher(name);
            Matcher mask = MASK.matcher(name);
            if (name.startsWith(".")) {
                continue;
            } else if (Files.isDirectory(file)) {
                log.report(file, "unexpected folder inside a slice folder; ignored");
            } else if (image.matches()) {
                Path earlier = images.putIfAbsent(Integer.parseInt(image.group(1)), file);
                if (earlier != null) {
                    log.report(file, "second image for slice " + image.group(1) + " (first: " + earlier.getFileName() + "); ignored");
                }
            } else if (mask.matches()) {
                masks.put(Integer.parseInt(mask.group(1)), file);
            } else {
                log.report(file, "not a slice image (expected <number>.jpg or <number>_HGE_Seg.jpg); ignored");
            }
        }
        return new SliceFolder(images, masks);
    }

    static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new DataException(folder, "cannot list folder (" + e.getMessage() + ")", e);
        }
    }
}
