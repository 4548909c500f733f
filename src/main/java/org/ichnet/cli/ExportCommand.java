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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code ichnet export RUN_DIR --out DIR}: a run's ensemble as a self-contained model folder with its model card. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Copy a run's three SavedModels and ensemble.json to a model folder and write MODEL_CARD.md from its metrics.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write (new or empty; a file is refused)")
    Path out;

    @Option(names = "--force", description = "Replace a non-empty --out folder: the new export takes its place only once it is complete")
    boolean force;

    @Option(names = "--evaluation", paramLabel = "LABEL=DIR",
            description = "Add a run's results to the model card's table of other evaluations: a cross-validation (cv) "
                    + "or scoring on other data (ichnet test) of this recipe; DIR holds its metrics.json. Repeatable")
    Map<String, Path> evaluations = new LinkedHashMap<>();

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
        if (!force && isNonEmptyFolder(out)) {
            throw new DataException(out, "exists and is not empty; refusing to replace it without --force");
        }
        Path staging = stagingFolderBeside(out);
        try {
            for (String model : PaperModels.NAMES) copyTree(RunFolder.model(runDir, model), staging.resolve(model));
            Files.copy(manifest, staging.resolve(EnsembleManifest.FILE));
            ObjectMapper json = new ObjectMapper();
            String card = ModelCard.markdown(out.getFileName().toString(), json.readTree(metrics.toFile()),
                    json.readTree(manifest.toFile()), evaluations(json));
            AtomicFiles.writeString(staging.resolve("MODEL_CARD.md"), card);
            replaceWith(staging, out);
        } finally {
            AtomicFiles.deleteTree(staging);
        }
        System.out.println("exported " + runDir + " -> " + out);
        return 0;
    }

    private List<ModelCard.Evaluation> evaluations(ObjectMapper json) {
        List<ModelCard.Evaluation> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : evaluations.entrySet()) {
            Path file = Files.isDirectory(e.getValue()) ? RunFolder.metrics(e.getValue()) : e.getValue();
            if (!Files.isRegularFile(file)) throw new DataException(file, "missing: --evaluation needs a run folder with metrics.json");
            try {
                out.add(new ModelCard.Evaluation(e.getKey(), json.readTree(file.toFile())));
            } catch (IOException ex) {
                throw new DataException(file, "unreadable metrics (" + String.valueOf(ex.getMessage()).lines().findFirst().orElse("") + ")");
            }
        }
        return out;
    }

    private static boolean isNonEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        }
    }

    /**
     * Puts the finished {@code staging} folder at {@code out} by renames only: the old folder is first moved
     * aside (and moved back if the second rename fails), so {@code out} is never a half-written export, and
     * it is gone only between two renames. Linux has no portable rename that swaps two folders.
     */
    private static void replaceWith(Path staging, Path out) throws IOException {
        if (!Files.exists(out)) {
            Files.move(staging, out);
            return;
        }
        Path aside = Files.createTempDirectory(out.toAbsolutePath().getParent(), out.getFileName() + ".replaced-");
        Path old = aside.resolve("old");
        try {
            Files.move(out, old);
        } catch (IOException e) {
            Files.delete(aside);
            throw e;
        }
        boolean replaced = false;
        try {
            Files.move(staging, out);
            replaced = true;
        } finally {
            // on failure the user's folder goes back; if even that fails it stays in `aside`, never deleted
            if (!replaced) Files.move(old, out);
        }
        AtomicFiles.deleteTree(aside);
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
