package io.quarry.api.adversarial;

import io.quarry.api.adversarial.Findings.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs a suite's cases on a few threads (each a caller of its own, so the per-caller limit never
 * answers 429), prints progress, and keeps a test error (an exception in the suite itself) as a
 * failure with its seed instead of stopping the run.
 */
final class Workers {

    /** One case: its index, its seed, and the token subject of the thread that runs it. */
    interface Case {
        void run(int index, long seed, String subject) throws Exception;
    }

    private Workers() {
    }

    static Duration run(String name, AdversarialSettings settings, int cases, Findings findings, Case body)
            throws InterruptedException {
        return run(name, settings, cases, findings, body, done -> { });
    }

    /** Runs {@code cases} cases; {@code checkpoint} hears each twentieth of the way (on one thread at a time). */
    static Duration run(String name, AdversarialSettings settings, int cases, Findings findings, Case body,
                        IntConsumer checkpoint) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, cases / 20);
        Instant started = Instant.now();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.threads(); t++) {
            String subject = "adversarial-" + name + "-" + t;
            Thread thread = new Thread(() -> {
                for (int index = next.getAndIncrement(); index < cases; index = next.getAndIncrement()) {
                    long seed = settings.caseSeed(index);
                    try {
                        body.run(index, seed, subject);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception | AssertionError e) {
                        findings.fail(new Finding("TEST_ERROR", e.getClass().getSimpleName() + " in the suite", seed,
                                "case " + index, stackTrace(e)));
                    }
                    int finished = done.incrementAndGet();
                    if (finished % step == 0 || finished == cases) {
                        synchronized (done) {
                            Duration elapsed = Duration.between(started, Instant.now());
                            System.out.printf("[adversarial %s] %,d/%,d in %ds (%.1f/s)%n", name, finished, cases,
                                    elapsed.toSeconds(), finished * 1000.0 / Math.max(1, elapsed.toMillis()));
                            checkpoint.accept(finished);
                        }
                    }
                }
            }, "adversarial-" + name + "-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.between(started, Instant.now());
        findings.add(name + ": seconds", elapsed.toSeconds());
        return elapsed;
    }

    static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Prints a report and keeps it in {@code target/adversarial/} (the test's working directory is the module). */
    static void publish(String name, String report) {
        System.out.println(report);
        try {
            Path folder = Path.of("target", "adversarial");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name + "-" + Instant.now().toString().replace(':', '-') + ".txt"), report,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("could not keep the report: " + e);
        }
    }
}
