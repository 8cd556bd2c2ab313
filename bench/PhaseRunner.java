package bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one path of one shape: its workers call in parallel through a warm-up phase, then a
 * measured phase; progress and the outcome go to stderr, the server's cache counts are read around it.
 */
final class PhaseRunner {

    /** How a measurement runs: warm-up seconds, then measured seconds or, if maxRequests > 0, that many calls. */
    record Limits(int warmupSeconds, long seconds, int maxRequests) {
    }

    interface Call {
        Sample run(long iteration) throws Exception;
    }

    /** A worker's own state (a connection, a token) behind its calls. */
    interface Worker extends Call, AutoCloseable {
        @Override
        default void close() throws Exception {
        }
    }

    interface Workers {
        Call open(int worker) throws Exception;
    }

    private final ApiClient client;

    PhaseRunner(ApiClient client) {
        this.client = client;
    }

    /** A worker whose calls use {@code resource}, closed after the measurement. */
    static Worker closing(AutoCloseable resource, Call call) {
        return new Worker() {
            @Override
            public Sample run(long iteration) throws Exception {
                return call.run(iteration);
            }

            @Override
            public void close() throws Exception {
                resource.close();
            }
        };
    }

    Result measure(String title, String path, int concurrency, Limits limits, Workers workers) throws Exception {
        System.err.printf(Locale.ROOT, "  %-55s %-6s c=%d ...%n", title, path, concurrency);
        List<Call> calls = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            for (int w = 0; w < concurrency; w++) {
                calls.add(workers.open(w));
            }
            Map<String, Long> cacheBefore = client.cacheCounts();
            // Warm-up: at least one call per worker, then until the warm-up time is over.
            runPhase(pool, calls, System.nanoTime() + limits.warmupSeconds() * 1_000_000_000L, 1, Integer.MAX_VALUE);
            Map<String, Long> cacheWarm = client.cacheCounts();
            long started = System.nanoTime();
            List<Samples> phase = runPhase(pool, calls, started + limits.seconds() * 1_000_000_000L, 0,
                    limits.maxRequests() > 0 ? limits.maxRequests() : Integer.MAX_VALUE);
            double elapsed = (System.nanoTime() - started) / 1e9;
            Map<String, Long> cache = cacheDelta(cacheWarm, client.cacheCounts());
            Result result = Samples.result(path, concurrency, phase, elapsed, cache);
            System.err.printf(Locale.ROOT, "  %-55s %-6s c=%d n=%d err=%d p50=%.2f p95=%.2f p99=%.2f ms %.1f/s rows=%d%s%n",
                    title, path, concurrency, result.requests(), result.errors(), result.p50Ms(), result.p95Ms(),
                    result.p99Ms(), result.perSecond(), result.rows(), cacheBefore.isEmpty() ? "" : " cache=" + cache);
            return result;
        } finally {
            pool.shutdownNow();
            for (Call call : calls) {
                if (call instanceof Worker worker) {
                    worker.close();
                }
            }
        }
    }

    /** Runs every worker until the deadline (and at least {@code minCalls} each), {@code maxCalls} at most in all. */
    private static List<Samples> runPhase(ExecutorService pool, List<Call> calls, long deadline, int minCalls, int maxCalls)
            throws Exception {
        AtomicLong started = new AtomicLong();
        List<Future<Samples>> futures = new ArrayList<>();
        for (Call call : calls) {
            futures.add(pool.submit(() -> {
                Samples samples = new Samples();
                for (long i = 0; (i < minCalls || System.nanoTime() < deadline) && started.getAndIncrement() < maxCalls; i++) {
                    long t0 = System.nanoTime();
                    try {
                        Sample sample = call.run(i);
                        samples.add(System.nanoTime() - t0, sample);
                    } catch (Exception e) {
                        if (!samples.addError(e)) {
                            break;
                        }
                    }
                }
                return samples;
            }));
        }
        List<Samples> all = new ArrayList<>();
        for (Future<Samples> future : futures) {
            all.add(future.get());
        }
        return all;
    }

    private static Map<String, Long> cacheDelta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        return delta;
    }
}
