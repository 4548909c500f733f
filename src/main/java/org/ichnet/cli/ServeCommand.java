package org.ichnet.cli;

import org.ichnet.serve.IchnetServer;
import org.ichnet.predict.ShippedModels;
import org.ichnet.api.IchnetException;
import org.ichnet.serve.ModelRegistry;
import org.ichnet.serve.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ichnet serve}: the shipped (or given) ensemble(s) behind HTTP, with a web page at {@code /}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve ensembles over HTTP: GET /ping, /models, /models/{name}, /metrics; POST /predictions[/{name}] "
                + "with a DICOM file, a zip of a DICOM series, NIfTI, PNG or JPG (raw body or multipart) answers the JSON of "
                + "predict --json. A web page at /. Details: docs/SERVE.md.")
public final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "ICHNET_TOKEN";

    @Option(names = "--port", defaultValue = "" + ServeSettings.DEFAULT_PORT, description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free one)")
    int port;

    @Option(names = "--host", defaultValue = ServeSettings.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder to serve, as its folder name (repeatable); default: the shipped "
            + "models/ich-wa2d, for every request as in predict. With several, a request naming none gets a brain+bone "
            + "model for DICOM/NIfTI, a brain one for PNG/JPG")
    List<Path> models;

    @Option(names = "--token", paramLabel = "T", description = "Bearer token required for /models, /predictions and /metrics "
            + "(default: $" + TOKEN_VARIABLE + "; none when unset)")
    String token;

    @Option(names = "--max-upload", paramLabel = "MB", defaultValue = "100", description = "Largest upload in MB (default: ${DEFAULT-VALUE})")
    long maxUploadMb;

    @Option(names = "--workers", paramLabel = "N", description = "Predictions run at once (default: the number of cores)")
    Integer workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_QUEUE,
            description = "Requests that may wait for a worker; more get 429 (default: ${DEFAULT-VALUE})")
    int queue;

    @Override
    public Integer call() throws InterruptedException, IchnetException {
        String bearer = token != null ? token : System.getenv(TOKEN_VARIABLE);
        int n = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        ServeSettings settings = new ServeSettings(host, port, bearer, maxUploadMb << 20, n, queue);
        List<Path> folders = models == null || models.isEmpty() ? ShippedModels.installed() : models;
        ModelRegistry registry = ModelRegistry.load(folders);
        IchnetServer server = IchnetServer.start(registry, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("ichnet: stopping (letting running predictions finish)");
            server.close();
            registry.close();
            stopped.countDown();
        }, "ichnet-serve-shutdown"));
        System.err.printf("ichnet: serving %s on http://%s:%d/%s (workers %d, queue %d, max upload %d MB)%n",
                registry.names(), host, server.port(), bearer == null || bearer.isBlank() ? "" : " with a token",
                n, queue, maxUploadMb);
        stopped.await();
        return 0;
    }
}
