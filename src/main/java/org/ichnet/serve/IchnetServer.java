package org.ichnet.serve;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.ichnet.cli.PredictionOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code ichnet serve}: the HTTP service (Javalin) over a {@link ModelRegistry}.
 *
 * <ul>
 *   <li>{@code GET /ping}, the page at {@code /}: open to all;</li>
 *   <li>{@code GET /models}, {@code GET /models/{name}}, {@code POST /predictions[/{name}]}, {@code GET /metrics}:
 *   the bearer token when one is configured.</li>
 * </ul>
 * Uploads go to a private temp folder of this server and are deleted after each request; the folder goes
 * at {@link #close}, which first lets admitted predictions finish.
 */
public final class IchnetServer implements AutoCloseable {

    static final String WEB = "/org/ichnet/serve/web";
    private static final Logger LOG = LoggerFactory.getLogger(IchnetServer.class);
    private static final List<String> GUARDED = List.of("/models", "/predictions", "/metrics");
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final ModelRegistry registry;
    private final ServeSettings settings;
    private final AccessToken token;
    private final WorkAdmission admission;
    private final ServeMetrics metrics;
    private final Path temp;
    private final Javalin app;

    private IchnetServer(ModelRegistry registry, ServeSettings settings) throws IOException {
        this.registry = registry;
        this.settings = settings;
        this.token = AccessToken.of(settings.token());
        this.admission = new WorkAdmission(settings.workers(), settings.queue());
        this.metrics = new ServeMetrics(admission);
        this.temp = Files.createTempDirectory("ichnet-serve-");
        this.app = Javalin.create(this::configure);
    }

    /** Starts serving; the registry stays the caller's to close. */
    public static IchnetServer start(ModelRegistry registry, ServeSettings settings) {
        try {
            IchnetServer server = new IchnetServer(registry, settings);
            server.app.start(settings.host(), settings.port());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    /** The server's private temp folder (uploads in flight live under it). */
    Path temp() {
        return temp;
    }

    WorkAdmission admission() {
        return admission;
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.staticFiles.add(WEB, Location.CLASSPATH);
        config.jetty.multipartConfig.cacheDirectory(temp.toString());
        config.jetty.multipartConfig.maxFileSize(settings.maxUpload(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUpload() + (64 << 10), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.requestLogger.http(this::logged);
        // on stop, Jetty lets requests in flight write their responses (up to DRAIN) before closing connections
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(DRAIN.toMillis());
            server.insertHandler(new GracefulHandler());
        });
        var routes = config.routes;
        routes.before(this::requireToken);
        routes.get("/ping", ctx -> json(ctx, "{\"status\":\"Healthy\"}"));
        routes.get("/models", ctx -> {
            var root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            var list = root.putArray("models");
            registry.names().forEach(name -> list.add(registry.describe(name)));
            json(ctx, PredictionOutput.toString(root));
        });
        routes.get("/models/{name}", ctx -> json(ctx, PredictionOutput.toString(registry.describe(ctx.pathParam("name")))));
        routes.post("/predictions", ctx -> predict(ctx, null));
        routes.post("/predictions/{name}", ctx -> predict(ctx, ctx.pathParam("name")));
        routes.get("/metrics", ctx -> ctx.contentType(ServeMetrics.CONTENT_TYPE).result(metrics.text()));
        routes.exception(ApiError.class, (e, ctx) -> {
            if (e.status() != 413) discardUnreadUpload(ctx);
            error(ctx, e);
        });
        routes.exception(HttpResponseException.class, (e, ctx) ->
                error(ctx, new ApiError(e.getStatus(), "Http" + e.getStatus(), e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, new ApiError(500, "InternalServerError", "internal error (" + e.getClass().getSimpleName() + "); see the server log"));
        });
    }

    private void predict(Context ctx, String model) {
        long length = ctx.req().getContentLengthLong();
        if (length > settings.maxUpload()) throw ApiError.tooLarge(settings.maxUpload());
        boolean gradCam = isTrue(ctx.queryParam("gradcam"));
        try (WorkAdmission.Ticket ticket = admission.admit(); StagedUpload upload = stage(ctx)) {
            json(ctx, PredictionOutput.toString(ticket.run(() -> registry.predict(model, upload, gradCam))));
        }
    }

    /** A multipart form's first file, else the raw body ({@code ?filename=} names it). */
    private StagedUpload stage(Context ctx) {
        String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            try {
                return StagedUpload.of(ctx.req().getInputStream(), ctx.queryParam("filename"), settings.maxUpload(), temp);
            } catch (IOException e) {
                throw ApiError.badRequest("cannot read the body: " + e.getMessage());
            }
        }
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles();
        } catch (RuntimeException e) {
            throw multipartError(e);
        }
        if (files.isEmpty()) throw ApiError.badRequest("the multipart form has no file part");
        UploadedFile file = files.get(0);
        return StagedUpload.of(file.content(), file.filename(), settings.maxUpload(), temp);
    }

    /** Jetty refuses a multipart body past the configured sizes while parsing it. */
    private ApiError multipartError(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceed") || m.contains("too large") || m.contains("max")) return ApiError.tooLarge(settings.maxUpload());
        }
        return ApiError.badRequest("not a readable multipart form: " + e.getMessage());
    }

    private void requireToken(Context ctx) {
        if (token == null || GUARDED.stream().noneMatch(p -> ctx.path().equals(p) || ctx.path().startsWith(p + "/"))) return;
        if (!token.admits(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiError.unauthorized("missing or wrong token (send Authorization: Bearer TOKEN)");
        }
    }

    /**
     * Reads and drops what is left of a refused upload (401, 429, 404 come before the body is read) when its declared
     * length is within the upload limit: a server that answers and closes while the client is still sending makes
     * the client's TCP stack drop the answer (seen as "received no bytes"); too-large or unsized bodies are not read.
     */
    private void discardUnreadUpload(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared <= 0 || declared > settings.maxUpload()) return;
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // the client went away or the body was read already: nothing to drop
        }
    }

    private static void error(Context ctx, ApiError e) {
        if (e.status() == 429) ctx.header("Retry-After", "2");
        ctx.status(e.status()).contentType("application/json").result(e.json());
    }

    private static void json(Context ctx, String body) {
        ctx.contentType("application/json").result(body);
    }

    private void logged(Context ctx, Float millis) {
        String endpoint;
        try {
            endpoint = ctx.endpoint().path;
            if (endpoint.equals("*")) endpoint = "other";
        } catch (RuntimeException e) {
            endpoint = "other";
        }
        int status = ctx.statusCode();
        metrics.record(endpoint, status, millis / 1000.0);
        LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), status, String.format(Locale.ROOT, "%.1f", millis));
    }

    private static boolean isTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** Refuses new predictions (503), lets admitted ones finish, stops, and deletes the temp folder. */
    @Override
    public void close() {
        admission.drain(DRAIN);
        app.stop();
        StagedUpload.delete(temp);
    }
}
