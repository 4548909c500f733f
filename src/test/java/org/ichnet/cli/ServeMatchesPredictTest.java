package org.ichnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ichnet.clinical.SyntheticNifti;
import org.ichnet.serve.IchnetServer;
import org.ichnet.serve.ModelRegistry;
import org.ichnet.serve.ServeFixture;
import org.ichnet.serve.ServeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A response of {@code serve} is {@code predict --json} on the same input, to the last digit, with the
 * model {@code predict} uses (serving the shipped model as {@code ichnet serve} does):
 * only the names differ, the client's file names in place of the local paths.
 */
class ServeMatchesPredictTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static ModelRegistry registry;
    static IchnetServer server;

    @BeforeAll
    static void start() throws org.ichnet.api.IchnetException {
        registry = ModelRegistry.load(org.ichnet.predict.ShippedModels.installed());
        server = IchnetServer.start(registry, ServeSettings.local(null, 2));
    }

    @AfterAll
    static void stop() {
        server.close();
        registry.close();
    }

    /** predict's JSON with the input's folder taken off every path, so names read as the upload's. */
    static JsonNode predictJson(Path input) throws IOException {
        CliRun run = CliRun.of("predict", "--json", "--no-progress", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        String prefix = input.toAbsolutePath().getParent().toString() + "/";
        return JSON.readTree(run.out().replace(prefix, ""));
    }

    static void assertSame(JsonNode predicted, JsonNode served, String upload) {
        for (JsonNode scan : served.get("scans")) assertEquals(upload, scan.get("source").asText());
        // a folder's source is the folder, the zip's is the zip: the one field that names the input itself
        for (JsonNode scan : predicted.get("scans")) ((ObjectNode) scan).put("source", upload);
        assertEquals(predicted, served);
    }

    @Test
    void dicomFile() throws IOException {
        Path dicom = Files.copy(ServeFixture.SAMPLE_DICOM, tmp.resolve("071_14.dcm"));
        JsonNode served = ServeFixture.json(ServeFixture.multipart(server, "/predictions", "071_14.dcm", Files.readAllBytes(dicom)));
        assertEquals(org.ichnet.io.BundledFiles.find(BundledModel.RELATIVE).map(p -> p.toAbsolutePath().normalize().toString()).orElse(null),
                served.get("model").get("path").asText(), "the model predict takes for DICOM");
        assertSame(predictJson(dicom), served, "071_14.dcm");
    }

    @Test
    void jpgAndNifti() throws IOException {
        Path jpg = Files.copy(ServeFixture.SAMPLE_JPG, tmp.resolve("10.jpg"));
        assertSame(predictJson(jpg), ServeFixture.json(ServeFixture.post(server, "/predictions?filename=10.jpg",
                Files.readAllBytes(jpg), null)), "10.jpg");
        Path nifti = new SyntheticNifti(64, 48, 4).write(tmp.resolve("volume.nii.gz"));
        assertSame(predictJson(nifti), ServeFixture.json(ServeFixture.multipart(server, "/predictions", "volume.nii.gz",
                Files.readAllBytes(nifti))), "volume.nii.gz");
    }

    @Test
    void dicomSeriesZipAsItsFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("zips/series"));
        Files.copy(ServeFixture.SAMPLE_DICOM, folder.resolve("a.dcm"));
        Files.copy(ServeFixture.OTHER_DICOM, folder.resolve("b.dcm"));
        byte[] zip = ServeFixture.zip(List.of("series/a.dcm", "series/b.dcm"),
                List.of(Files.readAllBytes(folder.resolve("a.dcm")), Files.readAllBytes(folder.resolve("b.dcm"))));
        JsonNode served = ServeFixture.json(ServeFixture.multipart(server, "/predictions", "series.zip", zip));
        assertSame(predictJson(folder), served, "series.zip");
    }
}
