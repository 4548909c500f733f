package org.ichnet.reproduce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ichnet.data.DataException;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code config.json}: the data folders and settings of a run, so it can be resumed or repeated. A run on one
 * folder records it as {@code dataDir}, as every run did before several sources could be read; a run on several
 * records {@code dataDirs} instead. A cross-validation with folds other than patient k-fold records them as
 * {@code cvFolds} ({@code "leave-source-out"}); absent means patient k-fold, as every cross-validation before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunConfig(String ichnetVersion, String dataDir, List<String> dataDirs, ExperimentSettings settings,
                        String cvFolds) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static void save(Path runDir, Path dataDir, ExperimentSettings settings) {
        save(runDir, List.of(dataDir), settings);
    }

    public static void save(Path runDir, List<Path> dataDirs, ExperimentSettings settings) {
        save(runDir, dataDirs, settings, null);
    }

    /** As {@link #save(Path, List, ExperimentSettings)}, with the cross-validation's folds when not patient k-fold. */
    public static void save(Path runDir, List<Path> dataDirs, ExperimentSettings settings, String cvFolds) {
        List<String> dirs = dataDirs.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList();
        RunConfig c = dirs.size() == 1
                ? new RunConfig("0.1.0", dirs.get(0), null, settings, cvFolds)
                : new RunConfig("0.1.0", null, dirs, settings, cvFolds);
        AtomicFiles.write(RunFolder.config(runDir), out -> JSON.writeValue(out, c));
    }

    public static RunConfig load(Path runDir) {
        Path file = RunFolder.config(runDir);
        if (!Files.isRegularFile(file)) throw new DataException(file, "no run configuration here (not an ichnet run folder?)");
        RunConfig config;
        try {
            config = JSON.readValue(file.toFile(), RunConfig.class);
        } catch (IOException e) {
            throw new DataException(file, "unreadable run configuration (" + e.getMessage().split("\n")[0] + ")");
        }
        if (config.dataFolders().isEmpty()) throw new DataException(file, "run configuration names no data folder (dataDir)");
        return config;
    }

    /** The data folders the run reads, in the order given. */
    public List<Path> dataFolders() {
        if (dataDirs != null && !dataDirs.isEmpty()) return dataDirs.stream().map(Path::of).toList();
        return dataDir == null ? List.of() : List.of(Path.of(dataDir));
    }
}
