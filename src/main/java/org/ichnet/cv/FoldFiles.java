package org.ichnet.cv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ichnet.data.DataException;
import org.ichnet.evaluate.PredictionsCsv;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fold's results on disk. {@code fold.json} is written last: its presence means the fold is
 * complete, so an interrupted cross-validation resumes at the first fold without it.
 */
final class FoldFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Summary(int fold, double[] averageWeights, double[] sumWeights, double trainingSeconds) {
    }

    private static final String PREFIX = "fold-";

    private FoldFiles() {
    }

    static Path dir(Path cvDir, int fold) {
        return cvDir.resolve(PREFIX + fold);
    }

    /** The fold folders a cross-validation holds, in fold order. */
    static List<Path> dirs(Path cvDir) {
        try (Stream<Path> children = Files.list(cvDir)) {
            return children.filter(Files::isDirectory).filter(c -> c.getFileName().toString().matches(PREFIX + "\\d+"))
                    .sorted(Comparator.comparingInt(c -> Integer.parseInt(c.getFileName().toString().substring(PREFIX.length()))))
                    .toList();
        } catch (IOException e) {
            throw new DataException(cvDir, "cannot list folder: " + e.getMessage(), e);
        }
    }

    static void write(Path cvDir, FoldResult r) {
        Path dir = dir(cvDir, r.fold());
        PredictionsCsv.write(dir.resolve("test-predictions.csv"), r.test());
        PredictionsCsv.write(dir.resolve("validation-predictions.csv"), r.validation());
        Summary s = new Summary(r.fold(), r.averageWeights(), r.sumWeights(), r.trainingSeconds());
        AtomicFiles.write(dir.resolve("fold.json"), out -> JSON.writeValue(out, s));
    }

    static Optional<FoldResult> read(Path cvDir, int fold) {
        Path dir = dir(cvDir, fold), marker = dir.resolve("fold.json");
        if (!Files.isRegularFile(marker)) return Optional.empty();
        try {
            Summary s = JSON.readValue(marker.toFile(), Summary.class);
            return Optional.of(new FoldResult(fold, PredictionsCsv.read(dir.resolve("test-predictions.csv")),
                    PredictionsCsv.read(dir.resolve("validation-predictions.csv")), s.averageWeights(),
                    s.sumWeights(), s.trainingSeconds()));
        } catch (IOException e) {
            throw new DataException(marker, "unreadable fold summary (" + e.getMessage().split("\n")[0] + ")");
        }
    }
}
