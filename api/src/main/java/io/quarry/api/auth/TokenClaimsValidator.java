package io.quarry.api.auth;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/**
 * Micronaut Security's claims check of every token whose signature verified: {@link TokenRules}
 * (time claims). It runs first among the claims validators and leaves on the request that the
 * signature verified and, when it refuses the token, why: Micronaut itself only says "not
 * authenticated", and {@link TokenDiagnosis} reads these to tell the client.
 */
@Singleton
final class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T>, Ordered {

    /** Request attribute: the token's signature verified and its claims were checked. */
    static final String CHECKED = TokenClaimsValidator.class.getName() + ".checked";
    /** Request attribute: the {@link TokenFailure} of the claims, when they were refused. */
    static final String FAILURE = TokenClaimsValidator.class.getName() + ".failure";

    private final TokenRules rules;

    TokenClaimsValidator(TokenRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        Optional<TokenFailure> failure = rules.check(claims, Instant.now());
        if (request instanceof HttpRequest<?> http) {
            http.setAttribute(CHECKED, Boolean.TRUE);
            failure.ifPresent(f -> http.setAttribute(FAILURE, f));
        }
        return failure.isEmpty();
    }

    /** Before Micronaut's own validators (subject, issuer, audience), which stop at the first refusal. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
