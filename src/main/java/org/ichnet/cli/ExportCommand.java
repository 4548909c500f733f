package org.ichnet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ichnet.data.DataException;
import org.ichnet.ensemble.EnsembleManifest;
import org.ichnet.io.AtomicFiles;
import org.ichnet.model.PaperModels;
import org.ichnet.report.ModelCard;
import org.ichnet.reproduce.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code ichnet export RUN_DIR --out DIR}: a run's ensemble as a self-contained model folder with its model card. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Copy a run's three SavedModels and ensemble.json to a model folder and write MODEL_CARD.md from its metrics.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write (an earlier export there is replaced; a file or any other folder is refused)")
    Path out;

    @Option(names = "--verbose", description = "Stack traces on errors")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Path metrics = RunFolder.metrics(runDir), manifest = RunFolder.ensemble(runDir);
        for (Path p : new Path[]{metrics, manifest}) {
            if (!Files.isRegularFile(p)) throw new DataException(p, "missing: evaluate the run first (ichnet evaluate)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new DataException(out, "exists and is a file, not a model folder; refusing to replace it");
        }
        if (Files.isDirectory(out) && !Files.isRegularFile(out.resolve(EnsembleManifest.FILE))
                && Files.list(out).findAny().isPresent()) {
            throw new DataException(out, "exists and is not an ichnet model folder; refusing to replace it");
        }
        Path staging = stagingFolderBeside(out);
        try {
            for (String model : PaperModels.NAMES) copyTree(RunFolder.model(runDir, model), staging.resolve(model));
            Files.copy(manifest, staging.resolve(EnsembleManifest.FILE));
            ObjectMapper json = new ObjectMapper();
            String card = ModelCard.markdown(out.getFileName().toString(), json.readTree(metrics.toFile()),
                    json.readTree(manifest.toFile()));
            AtomicFiles.writeString(staging.resolve("MODEL_CARD.md"), card);
            AtomicFiles.deleteTree(out);
            Files.move(staging, out);
        } finally {
            AtomicFiles.deleteTree(staging);
        }
        System.out.println("exported " + runDir + " -> " + out);
        return 0;
    }

    /** A fresh folder of our own beside {@code out}, so the final move is a rename and nothing of the user's is touched. */
    private static Path stagingFolderBeside(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, out.getFileName() + ".export-");
        if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // temp folders are owner-only; a model folder is meant to be shared like any other
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return staging;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new DataException(from, "missing SavedModel: train the run first");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
