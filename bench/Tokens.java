package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Bearer tokens minted with the embedded mode's HS256 secret, and what the server's demo token may read. */
final class Tokens {

    private final MACSigner signer;

    Tokens(String secret) throws Exception {
        this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A token for {@code subject} that may read {@code accounts}, valid for two hours. */
    String token(String subject, Set<Long> accounts) throws Exception {
        return token(subject, accounts, "read");
    }

    /** As {@link #token(String, Set)}, with a scope claim ({@code "read ingest"} may also ingest). */
    String token(String subject, Set<Long> accounts, String scope) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(subject).issuer("quarry-bench").claim("accounts", new ArrayList<>(new TreeSet<>(accounts)))
                .claim("scope", scope).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** The accounts the server's printed demo token may read, as "first..last (n accounts)". */
    static String demoTokenAccounts(String token) throws Exception {
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        List<Long> ids = new ArrayList<>();
        claims.path("accounts").forEach(id -> ids.add(id.asLong()));
        return ids.isEmpty() ? "none" : ids.get(0) + ".." + ids.get(ids.size() - 1) + " (" + ids.size() + " accounts)";
    }
}
