package io.quarry.api.warmup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The warm-up on start ({@code quarry.warmup.*}; docs/startup.md): right after the HTTP server
 * is up, and before {@code /health/readiness} reports UP, the report path runs in-process on
 * reports made from the semantic model, so that the JIT has compiled it before the first callers
 * come. It reads no tenant's data.
 *
 * @param enabled     whether a start warms up; off, the server is ready as soon as it listens
 * @param iterations  how many times each warm-up report is parsed, planned, checked and encoded
 * @param maxDuration the warm-up stops after this long even with iterations left
 */
@ConfigurationProperties("quarry.warmup")
public record WarmupConfiguration(@Bindable(defaultValue = "true") boolean enabled,
                                  @Bindable(defaultValue = "100") int iterations,
                                  @Bindable(defaultValue = "3s") Duration maxDuration) {

    public WarmupConfiguration {
        if (iterations < 0) {
            throw new IllegalArgumentException("quarry.warmup.iterations must not be negative");
        }
        if (maxDuration.isNegative()) {
            throw new IllegalArgumentException("quarry.warmup.max-duration must not be negative");
        }
    }
}
