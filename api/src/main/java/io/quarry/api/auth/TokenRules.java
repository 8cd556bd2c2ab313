package io.quarry.api.auth;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.quarry.api.db.EmbeddedDatabase;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The rules on a token's time claims, with their effective limits ({@link TokenConfiguration}):
 * {@code exp} required and not passed, {@code nbf} and {@code iat} not in the future beyond the
 * clock skew, and a lifetime no longer than the maximum. {@link TokenClaimsValidator} applies
 * them to every token whose signature verified.
 */
@Singleton
public final class TokenRules {

    /** The longest a token may live by default. */
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);
    /** The embedded demo mode's default, the lifetime of the demo token it prints. */
    static final Duration DEMO_MAX_LIFETIME = Duration.ofDays(30);

    private final Duration clockSkew;
    private final boolean requireExpiration;
    private final Duration maxLifetime;

    TokenRules(TokenConfiguration configuration, Optional<EmbeddedDatabase> embedded) {
        this.clockSkew = configuration.clockSkew();
        this.requireExpiration = configuration.requireExpiration();
        this.maxLifetime = configuration.maxLifetime() != null ? configuration.maxLifetime()
                : embedded.isPresent() ? DEMO_MAX_LIFETIME : DEFAULT_MAX_LIFETIME;
        if (clockSkew.isNegative() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new ConfigurationException("quarry.auth.tokens: clock-skew must not be negative and max-lifetime"
                    + " must be positive");
        }
    }

    /** The longest lifetime a token may have. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** What is wrong with the time claims of {@code claims} at {@code now}, if anything. */
    public Optional<TokenFailure> check(Claims claims, Instant now) {
        Instant expires = instant(claims, "exp");
        Instant notBefore = instant(claims, "nbf");
        Instant issued = instant(claims, "iat");
        Instant latest = now.plus(clockSkew);
        if (expires != null && !now.isBefore(expires)) {
            return failure(TokenFailure.EXPIRED, "the token expired at " + expires + " (exp)");
        }
        if (notBefore != null && notBefore.isAfter(latest)) {
            return failure(TokenFailure.NOT_YET_VALID, "the token is not valid before " + notBefore + " (nbf)");
        }
        if (issued != null && issued.isAfter(latest)) {
            return failure(TokenFailure.NOT_YET_VALID, "the token was issued in the future, at " + issued + " (iat)");
        }
        if (expires == null) {
            return requireExpiration
                    ? failure(TokenFailure.INVALID_CLAIMS, "the token has no expiry time (exp)")
                    : Optional.empty();
        }
        Duration lifetime = Duration.between(issued != null ? issued : now, expires);
        if (lifetime.compareTo(maxLifetime) > 0) {
            return failure(TokenFailure.INVALID_CLAIMS, "the token is valid for " + describe(lifetime)
                    + (issued != null ? " (exp - iat)" : " (exp - now)") + ", longer than the "
                    + describe(maxLifetime) + " allowed");
        }
        return Optional.empty();
    }

    private static Optional<TokenFailure> failure(String code, String description) {
        return Optional.of(new TokenFailure(code, description));
    }

    /** A time claim: Nimbus parses them into dates; a claims set built elsewhere may hold seconds. */
    @Nullable
    private static Instant instant(Claims claims, String name) {
        Object value = claims.get(name);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    /** "30 days", "24 hours", "24 hours 59 minutes 59 seconds", "45 seconds": whole days from two days on. */
    static String describe(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        List<String> parts = new ArrayList<>();
        if (seconds >= 3_600) {
            parts.add(plural(seconds / 3_600, "hour"));
        }
        if (seconds % 3_600 >= 60) {
            parts.add(plural(seconds % 3_600 / 60, "minute"));
        }
        if (seconds % 60 != 0 || parts.isEmpty()) {
            parts.add(plural(seconds % 60, "second"));
        }
        return String.join(" ", parts);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
