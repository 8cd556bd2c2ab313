package io.quarry.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * Tokens verified recently, so a client sending the same token with every request does not pay
 * for parsing, verifying and checking it each time (about a tenth of a small report's CPU). The
 * first of Micronaut's token validators: a token seen verified answers its authentication, kept
 * no longer than a minute and never past its {@code exp}; any other token goes to the JWT
 * validator, and is remembered when it verifies. Keyed by the whole token (a changed byte is
 * another key), bounded in size; refused tokens are never kept.
 */
@Singleton
final class VerifiedTokens implements TokenValidator<HttpRequest<?>> {

    /** The longest a verified token is answered from memory. */
    static final Duration TTL = Duration.ofMinutes(1);
    static final int MAX_TOKENS = 10_000;

    private record Verified(Authentication authentication, Instant until) {
    }

    private final ReactiveJsonWebTokenValidator<?, HttpRequest<?>> jwt;
    private final Counter remembered;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.<String, Verified>creating((token, entry) ->
                    Duration.between(Instant.now(), entry.until()))).build();

    VerifiedTokens(ReactiveJsonWebTokenValidator<?, HttpRequest<?>> jwt, MeterRegistry registry) {
        this.jwt = jwt;
        this.remembered = Counter.builder("quarry.tokens.remembered")
                .description("Requests whose bearer token was answered from the recently verified tokens")
                .register(registry);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        Verified entry = verified.getIfPresent(token);
        Instant now = Instant.now();
        if (entry != null && now.isBefore(entry.until())) {
            if (request != null) {
                request.setAttribute(TokenClaimsValidator.CHECKED, Boolean.TRUE);
            }
            remembered.increment();
            return Publishers.just(entry.authentication());
        }
        return Publishers.then(jwt.validateToken(token, request), authentication -> expiry(authentication)
                .map(exp -> exp.isBefore(now.plus(TTL)) ? exp : now.plus(TTL))
                .filter(now::isBefore)
                .ifPresent(until -> verified.put(token, new Verified(authentication, until))));
    }

    /** Before the JWT validator itself. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    private static Optional<Instant> expiry(Authentication authentication) {
        Object exp = authentication.getAttributes().get("exp");
        if (exp instanceof Number seconds) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        } else if (exp instanceof Date date) {
            return Optional.of(date.toInstant());
        } else if (exp instanceof Instant instant) {
            return Optional.of(instant);
        }
        return Optional.empty();
    }
}
