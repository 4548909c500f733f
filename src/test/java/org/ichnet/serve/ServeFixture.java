package org.ichnet.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The shipped models, loaded once per test JVM and shared by every serve test (as the server shares them
 * between requests), the bundled sample files, and a small HTTP client.
 */
public final class ServeFixture {

    public static final Path SAMPLE_DICOM = Path.of("sample/ct-ich-dicom/071_14.dcm");
    public static final Path OTHER_DICOM = Path.of("sample/ct-ich-dicom/066_19.dcm");
    public static final Path SAMPLE_JPG = Path.of("sample/ct-ich-sample/Patients_CT/066/brain/10.jpg");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ModelRegistry registry;

    private ServeFixture() {
    }

    /** Every model folder under models/ (whatever ships), in name order. */
    public static List<Path> shippedFolders() {
        try (Stream<Path> dirs = Files.list(Path.of("models"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("ensemble.json"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped models. */
    public static synchronized ModelRegistry registry() {
        if (registry == null) {
            try {
                registry = ModelRegistry.load(shippedFolders());
            } catch (org.ichnet.api.IchnetException e) {
                throw new IllegalStateException(e);
            }
        }
        return registry;
    }

    /** The name of a served model that takes brain+bone if one is served, else the first (the shipped one takes the brain window). */
    public static String hounsfieldModel() {
        return registry().names().stream()
                .filter(n -> registry().describe(n).get("input").get("channels").asText().contains("bone"))
                .findFirst().orElse(registry().names().get(0));
    }

    public static String brainModel() {
        return registry().names().stream()
                .filter(n -> registry().describe(n).get("input").get("channels").asText().equals("brain"))
                .findFirst().orElse(registry().names().get(0));
    }

    public static IchnetServer start(ServeSettings settings) {
        return IchnetServer.start(registry(), settings);
    }

    public static HttpResponse<String> get(IchnetServer server, String path, String token) {
        return send(request(server, path, token).GET().build());
    }

    public static HttpResponse<String> post(IchnetServer server, String path, byte[] body, String token) {
        return send(request(server, path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public static HttpResponse<String> multipart(IchnetServer server, String path, String fileName, byte[] content) {
        String boundary = "ichnet-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(server, path, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public static HttpRequest.Builder request(IchnetServer server, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the given entries (name → content). */
    public static byte[] zip(List<String> names, List<byte[]> contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(contents.get(i));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The files left under the server's temp folder (none between requests). */
    public static List<Path> leftInTemp(IchnetServer server) {
        try (Stream<Path> all = Files.walk(server.temp())) {
            return all.filter(p -> !p.equals(server.temp())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
