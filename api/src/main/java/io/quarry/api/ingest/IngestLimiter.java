package io.quarry.api.ingest;

import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Back-pressure on ingest, like {@code CallerLimiter} for reports: a batch holds a database
 * connection and a transaction for as long as its body streams, so each caller (token subject)
 * may send only a few at once, and the server runs only a few in all, leaving the pool to reports.
 * Over either limit a batch is refused at once (429 with Retry-After), not queued.
 */
@Singleton
final class IngestLimiter {

    private final ConcurrentMap<String, Semaphore> callers = new ConcurrentHashMap<>();
    private final Semaphore all;
    private final int perCaller;
    private final int total;

    IngestLimiter(IngestConfiguration configuration) {
        this.perCaller = configuration.maxConcurrentPerCaller();
        this.total = configuration.maxConcurrent();
        this.all = new Semaphore(total);
    }

    /** A permit to run one batch for {@code subject}; close it when the batch is done. */
    Permit acquire(String subject) {
        Semaphore caller = callers.computeIfAbsent(subject, k -> new Semaphore(perCaller));
        if (!caller.tryAcquire()) {
            throw IngestException.tooMany("this caller already sends " + perCaller
                    + " batches at once (quarry.ingest.max-concurrent-per-caller); retry when one has finished");
        }
        if (!all.tryAcquire()) {
            caller.release();
            throw IngestException.tooMany("the server already runs " + total
                    + " ingest batches (quarry.ingest.max-concurrent); retry shortly");
        }
        return () -> {
            all.release();
            caller.release();
        };
    }

    /** The batches running now, over all callers. */
    int active() {
        return total - all.availablePermits();
    }

    /** A held permit. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
