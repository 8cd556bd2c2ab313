package io.quarry.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports run over and over by a few threads while a cluster operation runs, each answer kept
 * with when it was asked and answered, to show that reports answered, and answered the same,
 * throughout.
 */
final class ReportLoad implements AutoCloseable {

    /** One report: when it started and ended, its status and rows. */
    record Run(Instant started, Instant ended, int status, JsonNode rows) {
    }

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads;

    ReportLoad(AdminCalls calls, String report, String token, int threads) {
        this.threads = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    Instant started = Instant.now();
                    AdminCalls.Answer answer = calls.report(report, token);
                    runs.add(new Run(started, Instant.now(), answer.status(), answer.body().get("rows")));
                }
            }, "report-load-" + i);
            thread.start();
            this.threads.add(thread);
        }
    }

    /** Stops the threads and returns every run. */
    List<Run> stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(runs);
    }

    /** The runs that overlapped [from, to]. */
    static List<Run> during(List<Run> runs, Instant from, Instant to) {
        return runs.stream().filter(r -> !r.ended().isBefore(from) && !r.started().isAfter(to)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
