package io.quarry.api.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import java.util.List;

/**
 * Refuses to start without a token signature: Micronaut Security accepts unsigned ("alg":
 * "none") tokens when no signature is configured, which would let anyone name any accounts.
 */
@Context
final class SignatureGuard {

    SignatureGuard(List<SignatureConfiguration> signatures) {
        if (signatures.isEmpty()) {
            throw new ConfigurationException("no JWT signature is configured: set QUARRY_AUTH_JWT_SECRET or a JWKS");
        }
    }
}
