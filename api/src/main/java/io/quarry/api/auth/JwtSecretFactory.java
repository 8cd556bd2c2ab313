package io.quarry.api.auth;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.quarry.api.db.EmbeddedDatabase;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret that signs and verifies bearer tokens: {@code quarry.auth.jwt-secret}, or, in the
 * embedded demo mode only, a random secret kept beside the embedded database (so a printed demo
 * token survives a restart). Production without a secret (and without a JWKS) does not start.
 */
@Factory
@Requires(missingProperty = "micronaut.security.token.jwt.signatures.jwks")
public class JwtSecretFactory {

    static final int MIN_LENGTH = 32;

    /**
     * The HMAC signature that signs the tokens Quarry issues and verifies every bearer token.
     * It is a signature bean itself (not a configuration for Micronaut to turn into one), so the
     * validator always has it: with no signature at all, unsigned tokens would be accepted.
     */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration generatorSignature(AuthConfiguration configuration,
                                                       Optional<EmbeddedDatabase> embedded) {
        String secret = configuration.jwtSecret();
        if (secret == null || secret.isBlank()) {
            secret = embedded.map(db -> demoSecret(db.dataDir().resolveSibling("jwt-secret"))).orElseThrow(() ->
                    new ConfigurationException("QUARRY_AUTH_JWT_SECRET (quarry.auth.jwt-secret) must be set to a"
                            + " secret of at least " + MIN_LENGTH + " characters, or a JWKS configured"));
        }
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigurationException("quarry.auth.jwt-secret must have at least " + MIN_LENGTH + " characters");
        }
        SecretSignatureConfiguration signature = new SecretSignatureConfiguration("generator");
        signature.setSecret(secret);
        return new SecretSignature(signature);
    }

    private static String demoSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions apply
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo token secret " + file, e);
        }
    }
}
