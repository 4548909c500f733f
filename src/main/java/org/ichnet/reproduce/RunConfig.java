package org.ichnet.reproduce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ichnet.data.DataException;
import org.ichnet.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code config.json}: the data folder and settings of a run, so it can be resumed or repeated. */
public record RunConfig(String ichnetVersion, String dataDir, ExperimentSettings settings) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static void save(Path runDir, Path dataDir, ExperimentSettings settings) {
        RunConfig c = new RunConfig("0.1.0", dataDir.toAbsolutePath().normalize().toString(), settings);
        AtomicFiles.write(RunFolder.config(runDir), out -> JSON.writeValue(out, c));
    }

    public static RunConfig load(Path runDir) {
        Path file = RunFolder.config(runDir);
        if (!Files.isRegularFile(file)) throw new DataException(file, "no run configuration here (not an ichnet run folder?)");
        try {
            return JSON.readValue(file.toFile(), RunConfig.class);
        } catch (IOException e) {
            throw new DataException(file, "unreadable run configuration (" + e.getMessage().split("\n")[0] + ")");
        }
    }
}
