package io.quarry.api.auth;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.quarry.api.db.EmbeddedDatabase;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The secret that signs and verifies bearer tokens: {@code quarry.auth.jwt-secret}, or, in the
 * embedded demo mode only, a random secret kept in the embedded database's data directory
 * ({@link DemoSecret}), so a printed demo token survives a restart. Production without a secret
 * (and without a JWKS) does not start.
 */
@Factory
@Requires(missingProperty = "micronaut.security.token.jwt.signatures.jwks")
public class JwtSecretFactory {

    static final int MIN_LENGTH = 32;

    /**
     * The HMAC signature that signs the tokens Quarry issues and verifies every bearer token,
     * HS256 only ({@link HmacSignature}). It is a signature bean itself (not a configuration for
     * Micronaut to turn into one), so the validator always has it: with no signature at all,
     * unsigned tokens would be accepted.
     */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration generatorSignature(AuthConfiguration configuration,
                                                       Optional<EmbeddedDatabase> embedded) {
        String secret = configuration.jwtSecret();
        if (secret == null || secret.isBlank()) {
            // The embedded database has started (initdb has run) by the time it is injected here.
            secret = embedded.map(db -> DemoSecret.of(db.dataDir())).orElseThrow(() ->
                    new ConfigurationException("QUARRY_AUTH_JWT_SECRET (quarry.auth.jwt-secret) must be set to a"
                            + " secret of at least " + MIN_LENGTH + " characters, or a JWKS configured"));
        }
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigurationException("quarry.auth.jwt-secret must have at least " + MIN_LENGTH + " characters");
        }
        return new HmacSignature(secret);
    }
}
