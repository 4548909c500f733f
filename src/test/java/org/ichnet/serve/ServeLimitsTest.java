package org.ichnet.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.ichnet.serve.ServeFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every refusal is a one-line JSON error with its status, and leaves nothing in temp. */
class ServeLimitsTest {

    static final long MAX = 1_000_000; // above the sample DICOM (525 kB)
    static final String TOKEN = "s3cret-token";
    static IchnetServer open, guarded;

    @BeforeAll
    static void start() {
        open = ServeFixture.start(ServeSettings.local(null, 1).withLimits(MAX, 1, 0));
        guarded = ServeFixture.start(ServeSettings.local(TOKEN, 1));
    }

    @AfterAll
    static void stop() {
        open.close();
        guarded.close();
    }

    static JsonNode refused(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertFalse(response.body().strip().contains("\n"), "one line: " + response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace: " + response.body());
        JsonNode error = json(response);
        assertEquals(status, error.get("code").asInt());
        return error;
    }

    @Test
    void oversizeBodyIs413ByContentLengthAndWhileStreaming() {
        byte[] big = new byte[(int) MAX + 1];
        refused(post(open, "/predictions", big, null), 413);
        // no Content-Length: chunked, counted as it streams
        HttpRequest chunked = request(open, "/predictions", null)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        refused(send(chunked), 413);
        refused(multipart(open, "/predictions", "big.dcm", big), 413);
        assertTrue(leftInTemp(open).isEmpty(), leftInTemp(open).toString());
    }

    @Test
    void unsupportedIs415AndUndecodableIs400() {
        JsonNode text = refused(post(open, "/predictions", "hello, not a scan".getBytes(), null), 415);
        assertTrue(text.get("message").asText().contains("DICOM"), text.toString());
        byte[] truncated = Arrays.copyOf(bytes(SAMPLE_DICOM), 2000);
        JsonNode dicom = refused(post(open, "/predictions?filename=cut.dcm", truncated, null), 400);
        assertTrue(dicom.get("message").asText().startsWith("cut.dcm: "), "names the upload, not a temp path: " + dicom);
        byte[] png = Arrays.copyOf(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
        refused(post(open, "/predictions", png, null), 400);
        refused(post(open, "/predictions", new byte[0], null), 400);
        // (a JPG posted to a brain+bone model is refused too: IchnetBadInputTest; the shipped model takes every input)
        assertTrue(leftInTemp(open).isEmpty());
    }

    @Test
    void hugeImageIsRefusedFromItsHeader() {
        // a PNG header claiming 100000 x 100000 pixels, no pixel data
        byte[] png = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000186a0000186a00800000000");
        JsonNode error = refused(post(open, "/predictions/" + brainModel(), png, null), 400);
        assertTrue(error.get("message").asText().contains("100000"), error.toString());
    }

    @Test
    void zipEntriesClimbingOutAreRefused() {
        byte[] slip = zip(List.of("ok.dcm", "../../evil.dcm"), List.of(bytes(SAMPLE_DICOM), bytes(SAMPLE_DICOM)));
        JsonNode error = refused(post(open, "/predictions", slip, null), 400);
        assertTrue(error.get("message").asText().contains("../../evil.dcm"), error.toString());
        refused(post(open, "/predictions", zip(List.of("/etc/evil.dcm"), List.of(bytes(SAMPLE_DICOM))), null), 400);
        // expands past 4x the upload limit: a decompression bomb
        byte[] bomb = zip(List.of("zeros.dcm"), List.of(new byte[(int) (4 * MAX + 1)]));
        assertTrue(bomb.length < MAX);
        assertTrue(refused(post(open, "/predictions", bomb, null), 400).get("message").asText().contains("expands"));
        assertTrue(leftInTemp(open).isEmpty());
    }

    @Test
    void clientFileNamesNeverBecomePaths() {
        JsonNode root = json(multipart(open, "/predictions/" + hounsfieldModel(), "../../../tmp/evil.dcm", bytes(SAMPLE_DICOM)));
        assertEquals("evil", root.get("scans").get(0).get("name").asText());
        assertEquals("evil.dcm", root.get("scans").get(0).get("slices").get(0).get("label").asText());
        assertFalse(java.nio.file.Files.exists(open.temp().getParent().resolve("evil.dcm")));
        assertTrue(leftInTemp(open).isEmpty());
    }

    @Test
    void busyServerAnswers429WithRetryAfter() {
        // workers 1, queue 0: holding the one place leaves none
        try (WorkAdmission.Ticket held = open.admission().admit()) {
            HttpResponse<String> busy = post(open, "/predictions", bytes(SAMPLE_DICOM), null);
            refused(busy, 429);
            assertTrue(Integer.parseInt(busy.headers().firstValue("Retry-After").orElseThrow()) > 0);
        }
        assertEquals(200, post(open, "/predictions/" + hounsfieldModel(), bytes(SAMPLE_DICOM), null).statusCode());
    }

    @Test
    void tokenGuardsModelsPredictionsAndMetricsOnly() {
        assertEquals(200, get(guarded, "/ping", null).statusCode());
        assertEquals(200, get(guarded, "/", null).statusCode());
        assertEquals(200, get(guarded, "/app.js", null).statusCode());
        for (String path : List.of("/models", "/models/" + brainModel(), "/metrics")) {
            refused(get(guarded, path, null), 401);
            refused(get(guarded, path, "wrong"), 401);
            refused(get(guarded, path, TOKEN + "x"), 401);
            assertEquals(200, get(guarded, path, TOKEN).statusCode(), path);
        }
        refused(post(guarded, "/predictions", bytes(SAMPLE_DICOM), null), 401);
        refused(post(guarded, "/predictions/" + hounsfieldModel(), bytes(SAMPLE_DICOM), "nope"), 401);
        assertEquals(200, post(guarded, "/predictions/" + hounsfieldModel(), bytes(SAMPLE_DICOM), TOKEN).statusCode());
        // without a token configured, the same paths are open
        assertEquals(200, get(open, "/metrics", null).statusCode());
    }

    @Test
    void unknownPathsAre404Json() {
        assertEquals("NotFound", refused(post(open, "/predictions/nope", bytes(SAMPLE_DICOM), null), 404).get("type").asText());
        refused(get(open, "/nothing-here", null), 404);
    }
}
