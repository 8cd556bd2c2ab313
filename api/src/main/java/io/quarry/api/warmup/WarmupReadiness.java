package io.quarry.api.warmup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Warmup} once the HTTP server listens, on a thread of its own, and keeps
 * {@code /health/readiness} (and so {@code /health}) DOWN until it has finished: a load balancer
 * sends callers once the report path is compiled. Liveness stays UP throughout, and requests are
 * answered meanwhile (only more slowly). A failed warm-up is logged and the server is ready anyway.
 */
@Singleton
@Readiness
@Requires(property = "quarry.warmup.enabled", notEquals = "false")
public final class WarmupReadiness implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(WarmupReadiness.class);

    private final Warmup warmup;
    private final WarmupConfiguration configuration;
    private volatile Thread thread;
    private volatile boolean done;
    private volatile Warmup.Outcome outcome;

    WarmupReadiness(Warmup warmup, WarmupConfiguration configuration) {
        this.warmup = warmup;
        this.configuration = configuration;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        Thread started = new Thread(this::warmUp, "quarry-warmup");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    /** Whether the warm-up has finished (or failed); readiness is UP from then on. */
    public boolean done() {
        return done;
    }

    /** What the warm-up did, once it finished; empty before, or when it failed. */
    public Optional<Warmup.Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    private void warmUp() {
        long started = System.nanoTime();
        try {
            Warmup.Outcome result = warmup.run(configuration.iterations(),
                    started + configuration.maxDuration().toNanos());
            outcome = result;
            LOG.info("Warm-up done in {} ms: {} reports from the model, in text and JSON, parsed, planned, checked and"
                    + " encoded: {} plans ({} whole rounds){}", result.took().toMillis(), result.reports(),
                    result.plans(), result.rounds(), result.complete() ? "" : ", stopped by quarry.warmup.max-duration");
        } catch (Exception e) {
            LOG.warn("Warm-up failed after {} ms; the server is ready without it", (System.nanoTime() - started) / 1_000_000,
                    e);
        } finally {
            done = true;
        }
    }

    @PreDestroy
    void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("done", done);
        outcome().ifPresent(o -> {
            details.put("millis", o.took().toMillis());
            details.put("reports", o.reports());
            details.put("rounds", o.rounds());
        });
        return Publishers.just(HealthResult.builder("warmup", done ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
