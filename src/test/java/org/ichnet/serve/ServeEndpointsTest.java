package org.ichnet.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.ichnet.clinical.SyntheticNifti;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.ichnet.serve.ServeFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every endpoint of a real server on a random port, over HTTP, with the shipped models. */
class ServeEndpointsTest {

    static IchnetServer server;

    @BeforeAll
    static void start() {
        server = ServeFixture.start(ServeSettings.local(null, 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pingAndPage() {
        assertEquals("{\"status\":\"Healthy\"}", get(server, "/ping", null).body());
        HttpResponse<String> page = get(server, "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("not a medical device"), page.body());
        for (String asset : List.of("/app.js", "/app.css")) assertEquals(200, get(server, asset, null).statusCode(), asset);
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "the page loads nothing from elsewhere");
    }

    @Test
    void modelsDescribeEveryShippedModel() {
        JsonNode models = json(get(server, "/models", null)).get("models");
        assertEquals(shippedFolders().size(), models.size());
        for (JsonNode m : models) {
            JsonNode one = json(get(server, "/models/" + m.get("name").asText(), null));
            assertEquals(m, one);
            assertEquals(List.of("NORMAL", "ICH", "SDH", "EDH"), List.of(one.get("classes").get(0).asText(),
                    one.get("classes").get(1).asText(), one.get("classes").get(2).asText(), one.get("classes").get(3).asText()));
            assertTrue(one.get("input").get("imageSize").asInt() > 0);
            double sum = 0;
            for (JsonNode w : one.get("weights")) sum += w.asDouble();
            assertEquals(1.0, sum, 1e-9);
            assertTrue(one.get("modelCard").asText().contains("Not a medical device"), "model card as text");
        }
        HttpResponse<String> missing = get(server, "/models/no-such-model", null);
        assertEquals(404, missing.statusCode());
        assertEquals("NotFound", json(missing).get("type").asText());
    }

    @Test
    void dicomAsRawBodyAndAsMultipart() {
        String model = hounsfieldModel();
        JsonNode raw = json(post(server, "/predictions/" + model + "?filename=071_14.dcm", bytes(SAMPLE_DICOM), null));
        JsonNode form = json(multipart(server, "/predictions/" + model, "071_14.dcm", bytes(SAMPLE_DICOM)));
        assertEquals(raw, form);
        JsonNode scan = raw.get("scans").get(0);
        assertEquals("071_14", scan.get("name").asText());
        assertEquals("071_14.dcm", scan.get("slices").get(0).get("label").asText());
        assertEquals(1, scan.get("slices").size());
        assertEquals(0, raw.get("problems").size());
        assertTrue(leftInTemp(server).isEmpty(), "uploads deleted: " + leftInTemp(server));
    }

    @Test
    void pngJpgNiftiAndSeriesZip(@TempDir Path tmp) throws IOException {
        JsonNode jpg = json(post(server, "/predictions/" + brainModel(), bytes(SAMPLE_JPG), null));
        assertEquals(1, jpg.get("scans").get(0).get("slices").size());
        assertEquals("upload.jpg", jpg.get("scans").get(0).get("source").asText(), "unnamed raw body");

        Path png = tmp.resolve("slice.png");
        javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(SAMPLE_JPG.toFile()), "png", png.toFile());
        JsonNode fromPng = json(multipart(server, "/predictions/" + brainModel(), "slice.png", bytes(png)));
        assertEquals("slice", fromPng.get("scans").get(0).get("name").asText());

        Path nifti = new SyntheticNifti(64, 64, 3).write(tmp.resolve("head.nii.gz"));
        JsonNode volume = json(multipart(server, "/predictions/" + hounsfieldModel(), "head.nii.gz", bytes(nifti)));
        JsonNode slices = volume.get("scans").get(0).get("slices");
        assertEquals(3, slices.size());
        assertEquals("head.nii.gz#0", slices.get(0).get("label").asText());

        byte[] zip = zip(List.of("series/b.dcm", "series/a.dcm"), List.of(bytes(OTHER_DICOM), bytes(SAMPLE_DICOM)));
        JsonNode series = json(multipart(server, "/predictions/" + hounsfieldModel(), "series.zip", zip));
        List<String> labels = series.get("scans").findValues("label").stream().map(JsonNode::asText).sorted().toList();
        assertEquals(List.of("series/a.dcm", "series/b.dcm"), labels);
        assertTrue(leftInTemp(server).isEmpty());
    }

    @Test
    void gradCamOfFlaggedSlicesAsDataUrls() {
        JsonNode root = json(post(server, "/predictions/" + hounsfieldModel() + "?gradcam=1", bytes(SAMPLE_DICOM), null));
        int flagged = 0;
        for (JsonNode slice : root.get("scans").get(0).get("slices")) {
            boolean isFlagged = !slice.get("predicted").asText().equals("NORMAL");
            assertEquals(isFlagged, slice.has("gradcam"));
            if (isFlagged) {
                flagged++;
                assertTrue(slice.get("gradcam").asText().startsWith("data:image/png;base64,iVBOR"));
                assertTrue(slice.get("image").asText().startsWith("data:image/png;base64,iVBOR"));
            }
        }
        assertEquals(root.get("scans").get(0).get("hemorrhageSlices").size(), flagged);
        JsonNode plain = json(post(server, "/predictions/" + hounsfieldModel(), bytes(SAMPLE_DICOM), null));
        assertFalse(plain.toString().contains("data:image"));
    }

    @Test
    void metricsInPrometheusText() {
        post(server, "/predictions/" + hounsfieldModel(), bytes(SAMPLE_DICOM), null);
        get(server, "/ping", null);
        HttpResponse<String> metrics = get(server, "/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.matches("(?s).*ichnet_requests_total\\{endpoint=\"/predictions/\\{name}\",status=\"200\"} [1-9].*"), text);
        assertTrue(text.contains("ichnet_request_duration_seconds{endpoint=\"/predictions/{name}\",quantile=\"0.95\"}"), text);
        assertTrue(text.contains("ichnet_queue_length 0"), text);
        assertTrue(text.contains("ichnet_workers 2"), text);
    }
}
