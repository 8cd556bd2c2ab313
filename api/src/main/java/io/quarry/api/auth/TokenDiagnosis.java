package io.quarry.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.reader.TokenResolver;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.List;

/**
 * Why Micronaut Security did not authenticate a request, for the 401 answer. Micronaut reports
 * only that no token was valid; this tells the client which part failed. It decides nothing:
 * the token was already refused. Its sources, in order: no bearer token; the refusal recorded by
 * {@link TokenClaimsValidator}, which runs only once the signature verified; a verified token
 * refused by another claims validator (subject, issuer, audience); else the token is read again
 * only to say what is wrong with its form or signature.
 */
@Singleton
public final class TokenDiagnosis {

    private static final String CLAIMS_NOT_VALID = "the token's claims are not a JSON object, or a registered claim"
            + " (exp, nbf, iat, iss, sub, aud) has the wrong type";

    private final TokenResolver<HttpRequest<?>> tokens;
    private final boolean hmacOnly;

    TokenDiagnosis(TokenResolver<HttpRequest<?>> tokens, List<SignatureConfiguration> signatures) {
        this.tokens = tokens;
        this.hmacOnly = !signatures.isEmpty() && signatures.stream().allMatch(HmacSignature.class::isInstance);
    }

    /** Why {@code request} was not authenticated. */
    public TokenFailure diagnose(HttpRequest<?> request) {
        String token = tokens.resolveToken(request).orElse(null);
        if (token == null || token.isBlank()) {
            return new TokenFailure(TokenFailure.MISSING, "the request has no bearer token (Authorization: Bearer ...)");
        }
        var recorded = request.getAttribute(TokenClaimsValidator.FAILURE, TokenFailure.class);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return malformed("the bearer token is not a JWT (three base64url parts, the first a JSON header)");
        }
        if (request.getAttribute(TokenClaimsValidator.CHECKED).isPresent()) {
            return refusedClaims(jwt);
        }
        try {
            jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return malformed(CLAIMS_NOT_VALID);
        }
        if (jwt instanceof PlainJWT) {
            return badSignature("the token is unsigned (alg none)");
        }
        if (jwt instanceof EncryptedJWT) {
            return malformed("the token is encrypted (JWE), which is not accepted");
        }
        JWSAlgorithm algorithm = ((SignedJWT) jwt).getHeader().getAlgorithm();
        if (hmacOnly && !HmacSignature.ALGORITHM.equals(algorithm)) {
            return badSignature("the token is signed with " + algorithm + "; only " + HmacSignature.ALGORITHM
                    + " is accepted");
        }
        return badSignature("the token's signature (" + algorithm + ") does not verify");
    }

    /** The signature verified and the time claims passed; Micronaut's own claims validators refused it. */
    private static TokenFailure refusedClaims(JWT jwt) {
        try {
            String subject = jwt.getJWTClaimsSet().getSubject();
            if (subject == null || subject.isBlank()) {
                return new TokenFailure(TokenFailure.INVALID_CLAIMS, "the token has no subject (sub)");
            }
        } catch (ParseException e) {
            return malformed(CLAIMS_NOT_VALID);
        }
        return new TokenFailure(TokenFailure.INVALID_CLAIMS, "a claim of the token was refused (iss or aud)");
    }

    private static TokenFailure malformed(String description) {
        return new TokenFailure(TokenFailure.MALFORMED, description);
    }

    private static TokenFailure badSignature(String description) {
        return new TokenFailure(TokenFailure.BAD_SIGNATURE, description);
    }
}
