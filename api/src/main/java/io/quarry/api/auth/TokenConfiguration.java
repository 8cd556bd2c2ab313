package io.quarry.api.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * What a verified bearer token's time claims must say ({@code quarry.auth.tokens.*}).
 *
 * @param clockSkew         how far in the future a token's {@code nbf} or {@code iat} may lie (the
 *                          issuer's clock may run ahead of Quarry's); never extends {@code exp}
 * @param requireExpiration whether a token without {@code exp} is refused
 * @param maxLifetime       the longest a token may be valid: {@code exp - iat}, or {@code exp - now}
 *                          without {@code iat}. Unset: 24 hours, or 30 days in the embedded demo mode
 *                          (the lifetime of the demo token it prints)
 */
@ConfigurationProperties("quarry.auth.tokens")
public record TokenConfiguration(@Bindable(defaultValue = "60s") Duration clockSkew,
                                 @Bindable(defaultValue = "true") boolean requireExpiration,
                                 @Nullable Duration maxLifetime) {
}
