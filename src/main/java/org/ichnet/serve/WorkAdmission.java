package org.ichnet.serve;

import java.util.concurrent.Semaphore;

/**
 * Bounds the prediction work: {@code workers} requests predict at once, up to {@code queue} more wait
 * (their uploads on disk, nothing decoded), and any beyond are refused at once (HTTP 429) instead of
 * piling up in memory.
 */
final class WorkAdmission {

    private final int workers;
    private final int queue;
    private final Semaphore admitted;
    private final Semaphore running;

    WorkAdmission(int workers, int queue) {
        if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1, not " + workers);
        if (queue < 0) throw new IllegalArgumentException("--queue must not be negative, not " + queue);
        this.workers = workers;
        this.queue = queue;
        this.admitted = new Semaphore(workers + queue);
        this.running = new Semaphore(workers, true);
    }

    private volatile boolean draining;

    /** A place among the admitted requests, or {@link ApiError#busy} (429) when workers and queue are full. */
    Ticket admit() {
        if (draining) throw new ApiError(503, "ServiceUnavailable", "the server is shutting down");
        if (!admitted.tryAcquire()) throw ApiError.busy(queue);
        return new Ticket();
    }

    /** Requests admitted but not yet predicting. */
    int queued() {
        return Math.max(0, (workers + queue - admitted.availablePermits()) - active());
    }

    /** Requests predicting now. */
    int active() {
        return workers - running.availablePermits();
    }

    /** Admits no more, and waits up to {@code timeout} for every admitted request to finish. */
    void drain(java.time.Duration timeout) {
        draining = true;
        try {
            if (admitted.tryAcquire(workers + queue, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                admitted.release(workers + queue);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int workers() {
        return workers;
    }

    /** One admitted request: {@link #run} waits for a worker; {@link #close} gives the place back. */
    final class Ticket implements AutoCloseable {
        private boolean closed;

        <T> T run(java.util.function.Supplier<T> work) {
            running.acquireUninterruptibly();
            try {
                return work.get();
            } finally {
                running.release();
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            admitted.release();
        }
    }
}
