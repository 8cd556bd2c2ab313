package io.quarry.api.auth;

/**
 * Why a request was not authenticated: a stable code and a description for the client, which
 * names the claim or the part of the token at fault and never echoes the token itself.
 */
public record TokenFailure(String code, String description) {

    /** No bearer token at all. */
    public static final String MISSING = "TOKEN_MISSING";
    /** Not a JWT: not three base64url parts, or a header or claims set that is not JSON. */
    public static final String MALFORMED = "TOKEN_MALFORMED";
    /** Unsigned, signed with an algorithm not accepted, or a signature that does not verify. */
    public static final String BAD_SIGNATURE = "TOKEN_BAD_SIGNATURE";
    /** {@code exp} has passed. */
    public static final String EXPIRED = "TOKEN_EXPIRED";
    /** {@code nbf} or {@code iat} lies in the future, beyond the clock skew. */
    public static final String NOT_YET_VALID = "TOKEN_NOT_YET_VALID";
    /** A claim is missing or refused: no {@code exp}, too long a lifetime, no subject, issuer or audience. */
    public static final String INVALID_CLAIMS = "TOKEN_INVALID_CLAIMS";

    public boolean missing() {
        return MISSING.equals(code);
    }

    /**
     * The RFC 6750 challenge: {@code Bearer realm="quarry"} for a request without a token, with
     * {@code error="invalid_token"} and the description for a refused one.
     */
    public String challenge(String realm) {
        String challenge = "Bearer realm=\"" + quotable(realm) + "\"";
        return missing() ? challenge
                : challenge + ", error=\"invalid_token\", error_description=\"" + quotable(description) + "\"";
    }

    /** RFC 6750 allows printable ASCII but the quote and the backslash inside the quotes. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c == '"' ? '\'' : c == '\\' ? '/' : c < 0x20 || c > 0x7e ? '?' : c);
        }
        return out.toString();
    }
}
