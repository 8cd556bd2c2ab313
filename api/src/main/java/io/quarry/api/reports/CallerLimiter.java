package io.quarry.api.reports;

import io.quarry.api.planning.LimitsConfiguration;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Limits how many reports one caller runs at once, so one tenant's dashboard cannot take every
 * database connection from the others. Over the limit, a request is refused at once (429), not
 * queued.
 */
@Singleton
public final class CallerLimiter {

    private final ConcurrentMap<String, Semaphore> callers = new ConcurrentHashMap<>();
    private final int permits;

    CallerLimiter(LimitsConfiguration limits) {
        this.permits = limits.maxConcurrentPerCaller();
    }

    /** A permit to run one report; close it when the report is done. */
    public Permit acquire(String caller) {
        Semaphore semaphore = callers.computeIfAbsent(caller, k -> new Semaphore(permits));
        if (!semaphore.tryAcquire()) {
            throw new TooManyReportsException(permits);
        }
        return semaphore::release;
    }

    /** A held permit. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** The caller already runs as many reports as it may. */
    public static final class TooManyReportsException extends RuntimeException {
        TooManyReportsException(int permits) {
            super("this caller already runs " + permits + " reports; retry when one has finished");
        }
    }
}
