package io.quarry.api.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

/**
 * Quarry's HMAC signature: signs with HS256 and accepts HS256 only. Micronaut's
 * {@link SecretSignature} verifies HS256, HS384 and HS512 alike with the one secret, so a token
 * signed with another HMAC algorithm than the configured one would pass.
 */
final class HmacSignature extends SecretSignature {

    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;

    HmacSignature(String secret) {
        super(configuration(secret));
    }

    private static SecretSignatureConfiguration configuration(String secret) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret);
        configuration.setJwsAlgorithm(ALGORITHM);
        return configuration;
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return ALGORITHM.equals(algorithm);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the " + ALGORITHM + " algorithm is accepted";
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return ALGORITHM.equals(jwt.getHeader().getAlgorithm()) && super.verify(jwt);
    }
}
