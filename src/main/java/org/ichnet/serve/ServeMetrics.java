package org.ichnet.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in the Prometheus text format: requests by endpoint and status, latency quantiles
 * (p50, p95, p99 over the last 10 minutes) by endpoint, and the prediction queue.
 */
final class ServeMetrics {

    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Summary latency;

    ServeMetrics(WorkAdmission admission) {
        requests = Counter.builder().name("ichnet_requests_total").help("HTTP requests by endpoint and status")
                .labelNames("endpoint", "status").register(registry);
        latency = Summary.builder().name("ichnet_request_duration_seconds").help("HTTP request latency by endpoint")
                .labelNames("endpoint").quantile(0.5, 0.01).quantile(0.95, 0.005).quantile(0.99, 0.001)
                .register(registry);
        GaugeWithCallback.builder().name("ichnet_queue_length").help("Prediction requests waiting for a worker")
                .callback(cb -> cb.call(admission.queued())).register(registry);
        GaugeWithCallback.builder().name("ichnet_predictions_in_progress").help("Prediction requests running now")
                .callback(cb -> cb.call(admission.active())).register(registry);
        GaugeWithCallback.builder().name("ichnet_workers").help("Predictions that may run at once (--workers)")
                .callback(cb -> cb.call(admission.workers())).register(registry);
    }

    void record(String endpoint, int status, double seconds) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe(seconds);
    }

    String text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
