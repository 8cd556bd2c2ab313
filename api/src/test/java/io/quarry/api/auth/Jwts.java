package io.quarry.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens built by hand, byte for byte, for the tests of what the server refuses: any header, any
 * claims (as raw JSON), signed with any HMAC algorithm and secret, or not at all. Independent
 * of the server's own token generator and of the JWT library it uses.
 */
public final class Jwts {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    /** {@code header.claims.signature}, HMAC-signed with {@code algorithm} (HS256, HS384, HS512). */
    public static String hmac(String algorithm, String secret, String claimsJson) {
        String input = part("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + part(claimsJson);
        return input + "." + BASE64.encodeToString(mac(algorithm, secret, input));
    }

    /** An HS256 token over a payload that need not be JSON. */
    public static String hs256Raw(String secret, String payload) {
        String input = part("{\"alg\":\"HS256\"}") + "." + part(payload);
        return input + "." + BASE64.encodeToString(mac("HS256", secret, input));
    }

    /** An unsigned token: {@code "alg": "none"} and an empty signature. */
    public static String unsigned(String claimsJson) {
        return part("{\"alg\":\"none\"}") + "." + part(claimsJson) + ".";
    }

    /** Claims as JSON: values are written as given (numbers and lists by toString, strings quoted). */
    public static String claims(Map<String, ?> claims) {
        return claims.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The usual claims of a test token, with exp in {@code seconds} from now; the caller adds or removes. */
    public static Map<String, Object> standard(long seconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "tester");
        claims.put("accounts", java.util.List.of(1, 2));
        claims.put("exp", Instant.now().plusSeconds(seconds).getEpochSecond());
        return claims;
    }

    private static String json(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : items) {
                out.append(out.length() > 1 ? "," : "").append(json(item));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static String part(String json) {
        return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String algorithm, String secret, String input) {
        String name = "Hmac" + algorithm.replace("HS", "SHA");
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), name));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
