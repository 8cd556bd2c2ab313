package io.quarry.api.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Bearer-token authentication.
 *
 * @param jwtSecret      the HMAC secret that signs tokens (QUARRY_AUTH_JWT_SECRET, at least 32
 *                       characters); required in production unless a JWKS is configured
 *                       (micronaut.security.token.jwt.signatures.jwks.*). The embedded demo mode
 *                       generates one and keeps it in its data directory ({@link DemoSecret}).
 *                       Tokens are HS256 only ({@link HmacSignature}); their time claims follow
 *                       {@link TokenConfiguration}.
 * @param accountsClaim  the claim that lists the account ids the caller may read
 */
@ConfigurationProperties("quarry.auth")
public record AuthConfiguration(@Nullable String jwtSecret,
                                @Bindable(defaultValue = "accounts") String accountsClaim) {
}
