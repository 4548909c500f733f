package org.ichnet.serve;

/**
 * How {@code ichnet serve} listens and what it accepts.
 *
 * @param port      0 for any free port
 * @param token     bearer token for /models, /predictions and /metrics; null or blank for none
 * @param maxUpload largest accepted body in bytes
 * @param workers   predictions run at once
 * @param queue     admitted requests that may wait for a worker; beyond, 429
 */
public record ServeSettings(String host, int port, String token, long maxUpload, int workers, int queue) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_MAX_UPLOAD = 100L << 20;
    public static final int DEFAULT_QUEUE = 64;

    public ServeSettings {
        if (maxUpload < 1) throw new IllegalArgumentException("--max-upload must be positive, not " + maxUpload);
        if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1, not " + workers);
        if (queue < 0) throw new IllegalArgumentException("--queue must not be negative, not " + queue);
    }

    /** Defaults, on any free port of localhost: for tests and the load benchmark. */
    public static ServeSettings local(String token, int workers) {
        return new ServeSettings(DEFAULT_HOST, 0, token, DEFAULT_MAX_UPLOAD, workers, DEFAULT_QUEUE);
    }

    public ServeSettings withLimits(long maxUpload, int workers, int queue) {
        return new ServeSettings(host, port, token, maxUpload, workers, queue);
    }
}
