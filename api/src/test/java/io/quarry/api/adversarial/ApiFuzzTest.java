package io.quarry.api.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.adversarial.FuzzCheck.Verdict;
import io.quarry.api.adversarial.FuzzInputs.Input;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the API: hostile inputs (random bytes, damaged reports in both forms, payloads in
 * every slot, huge numbers, control characters, odd Unicode, deep nesting, long names, wrong
 * content types and Accept headers, odd tokens) to every report and saved-report endpoint of the
 * real server. Never a 5xx or a hang; every 4xx a problem with a code; no way in without a good
 * token; nothing of the sentinel account. Every 5xx is reported by class (from what the server
 * logged) with its seed and the smallest input found, shrunk. The server runs with a 5 s
 * statement timeout, so a report that would run long shows as a 504 quickly.
 */
@MicronautTest
class ApiFuzzTest extends ApiTest {

    /**
     * After this many hangs of one shape of input, the rest of that shape is skipped: the server
     * may still be computing the answer nobody waits for, and a run must stay fast.
     */
    private static final int HANGS_PER_SHAPE = 2;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("quarry.execution.statement-timeout", "5s");
        return properties;
    }

    @Test
    void hostileInputsNeverGetA5xxAndEveryErrorIsAProblem() throws Exception {
        AdversarialSettings settings = AdversarialSettings.read();
        Sentinel.ensure();
        ApiClient api = new ApiClient(server.getURI(), settings.timeout());
        List<String> ids = fixtures(api);
        String sentinelName = Sentinel.MARK + " SAVED " + UUID.randomUUID();
        String sentinelId = saved(api, token("adversarial-setup", List.of(Sentinel.ACCOUNT)),
                "{\"name\": " + Json.quote(sentinelName) + ", \"definition\": \"METRICS spend, clicks WHERE date DURING"
                        + " LAST_90_DAYS\"}");
        List<String> sentinel = List.of(sentinelId, sentinelName);
        RawHttp http = new RawHttp(server.getHost(), server.getPort(), settings.fuzzTimeout());
        String prefix = "fz" + Long.toHexString(System.nanoTime());
        ServerErrors logged = new ServerErrors(prefix);
        Findings findings = new Findings();
        Map<String, Object[]> smallest = new ConcurrentHashMap<>();
        Map<String, String> memory = new LinkedHashMap<>();
        Map<String, java.util.concurrent.atomic.AtomicInteger> hangs = new ConcurrentHashMap<>();
        int cases = settings.cases(settings.fuzz());
        logged.attach();
        try {
            memory.put("start", Memory.sample());
            Workers.run("fuzz", settings, cases, findings, (index, seed, subject) -> {
                Input input = new FuzzInputs(new Random(seed), ids, sentinelId).next();
                if (hangs.computeIfAbsent(input.shape(), k -> new java.util.concurrent.atomic.AtomicInteger()).get()
                        >= HANGS_PER_SHAPE) {
                    findings.count("fuzz: skipped, its shape already hung twice (" + input.shape() + ")");
                    return;
                }
                Verdict verdict = send(http, logged, prefix + "-" + index, input, subject, sentinel, findings);
                findings.count("fuzz: inputs");
                findings.count("fuzz: inputs to " + input.endpoint());
                if (verdict == null) {
                    return;
                }
                if (verdict.category().equals("HANG")) {
                    hangs.get(input.shape()).incrementAndGet();
                }
                findings.fail(new Findings.Finding(verdict.category(), verdict.cls(), seed, input.toString(),
                        verdict.detail()));
                smallest.merge(verdict.category() + "\t" + verdict.cls(), new Object[] {seed, input},
                        (a, b) -> length((Input) b[1]) < length((Input) a[1]) ? b : a);
            }, done -> {
                if (done % Math.max(1, cases / 5) == 0 || done == cases) {
                    memory.put(String.format("%,d inputs", done), Memory.sample());
                }
            });
            memory.put("end", Memory.sample());
            StringBuilder shrunk = new StringBuilder();
            long shrinkUntil = System.nanoTime() + (settings.longForm() ? 600 : 8) * 1_000_000_000L;
            for (Map.Entry<String, Object[]> entry : new java.util.TreeMap<>(smallest).entrySet()) {
                String[] key = entry.getKey().split("\t", 2);
                Input input = (Input) entry.getValue()[1];
                Input minimal = System.nanoTime() < shrinkUntil ? new Shrinker(i -> send(http, logged, prefix + "-s"
                        + UUID.randomUUID(), i, "adversarial-shrink", sentinel, null), key[0], key[1], shrinkUntil).shrink(input) : input;
                shrunk.append(String.format("%n[%s] %s%n  seed %s, shrunk from %,d to %,d body chars:%n    %s%n", key[0],
                        key[1], entry.getValue()[0], length(input), length(minimal),
                        minimal.toString().replace("\n", "\n    ")));
            }
            String report = findings.report("API fuzz: " + cases + " inputs, seed " + settings.seed()
                    + (settings.replay().isPresent() ? " (replay)" : "") + ", " + TestDatabase.get().description()
                    + (TestDatabase.get().citus() ? " (Citus)" : ""), getClass().getSimpleName())
                    + "\nmemory (heap after GC / RSS of the test JVM, which runs the server):\n" + Memory.table(memory)
                    + (shrunk.length() == 0 ? "" : "\nsmallest input of each failure class, shrunk:" + shrunk);
            Workers.publish("fuzz", report);
            if (settings.longForm()) {
                assertThat(Memory.growthMb(memory)).as("heap growth after the first fifth%s", report).isLessThan(256);
            }
            assertThat(findings.failed("5XX")).as("5xx answers%s", report).isZero();
            assertThat(findings.anyFailure()).as("failures%s", report).isFalse();
        } finally {
            logged.detach();
        }
    }

    private static int length(Input input) {
        return input.body() == null ? 0 : input.body().length;
    }

    private Verdict send(RawHttp http, ServerErrors logged, String requestId, Input input, String subject,
                         List<String> sentinel, Findings findings) {
        List<String[]> headers = new ArrayList<>(input.headers());
        String authorization = authorization(input.token(), subject);
        if (authorization != null) {
            headers.add(new String[] {"Authorization", authorization});
        }
        if (headers.stream().noneMatch(h -> h[0].equals("X-Request-Id"))) {
            headers.add(new String[] {"X-Request-Id", requestId});
        }
        RawHttp.Answer answer = http.send(input.method(), input.target(), headers, input.body());
        if (findings != null) {
            findings.count("fuzz: answered " + FuzzCheck.outcome(answer));
            findings.count("fuzz: " + input.shape() + " -> " + (answer.status() == 0 ? "no answer" : answer.status() / 100
                    + "xx"));
        }
        String server = answer.status() >= 500
                ? logged.take(requestId, answer.text().contains("\"INTERNAL_SERVER_ERROR\"")) : null;
        logged.forget(requestId);
        return FuzzCheck.check(input, answer, server, sentinel);
    }

    private final Map<String, String[]> tokenCache = new ConcurrentHashMap<>();

    /** The Authorization header of a kind of token (signed by the server's own generator), or null for none. */
    String authorization(String kind, String subject) {
        long now = Instant.now().getEpochSecond();
        String[] cached = tokenCache.get(kind + subject);
        if (cached != null && Long.parseLong(cached[0]) > now) {
            return cached[1];
        }
        Map<String, Object> claims = new HashMap<>(Map.of("sub", subject, "exp", now + 600));
        switch (kind) {
            case "multi" -> claims.put("accounts", List.of(1L, 2L));
            case "single" -> claims.put("accounts", List.of(1L));
            case "all", "bad-signature" -> claims.put("accounts", IsolationRun.ACCOUNTS);
            case "strings" -> claims.put("accounts", List.of("1", "2"));
            case "empty" -> claims.put("accounts", List.of());
            case "bad-claim" -> claims.put("accounts", List.of("x"));
            case "float" -> claims.put("accounts", List.of(1.5));
            case "huge" -> claims.put("accounts", List.of(9_007_199_254_740_993L));
            case "negative" -> claims.put("accounts", List.of(-1L));
            case "nested" -> claims.put("accounts", List.of(List.of(1L)));
            case "expired" -> {
                claims.put("accounts", List.of(1L));
                claims.put("exp", now - 60);
            }
            case "garbage" -> {
                return "Bearer abc.def.ghi";
            }
            case "none" -> {
                return null;
            }
            case "basic" -> {
                return "Basic dXNlcjpwYXNz";
            }
            case "unsigned" -> {
                java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
                return "Bearer " + base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + base64.encodeToString(("{\"sub\":\"x\",\"accounts\":[1,2,3,4,5,6,7,8,9000001],\"exp\":"
                        + (now + 600) + "}").getBytes(StandardCharsets.UTF_8)) + ".";
            }
            default -> { } // missing-claim
        }
        String token = tokens.generateToken(claims).orElseThrow();
        if (kind.equals("bad-signature")) {
            token = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        }
        String header = "Bearer " + token;
        tokenCache.put(kind + subject, new String[] {String.valueOf(now + 300), header});
        return header;
    }

    /** Saved reports of accounts 1 and 2 for the fuzzer to update, run and read. */
    private List<String> fixtures(ApiClient api) throws Exception {
        String owner = token("adversarial-setup", List.of(1L, 2L));
        List<String> ids = new ArrayList<>();
        for (String body : List.of(
                "{\"account\": 1, \"name\": \"fuzz fixture " + UUID.randomUUID() + "\", \"definition\": \"PARAMETERS"
                        + " (from DATE DEFAULT DATE '2026-05-01', to DATE DEFAULT DATE '2026-05-31', st STRING DEFAULT"
                        + " 'ACTIVE', top INTEGER DEFAULT 10) DIMENSIONS campaign.name METRICS spend, clicks WHERE date"
                        + " BETWEEN :from AND :to AND campaign.status = :st ORDER BY spend DESC LIMIT :top\"}",
                "{\"account\": 2, \"name\": \"fuzz fixture " + UUID.randomUUID() + "\", \"definition\": \"DIMENSIONS"
                        + " campaign.status, date.month METRICS spend WHERE date BETWEEN DATE '2026-04-01' AND DATE"
                        + " '2026-06-30' PIVOT BY date.month\"}",
                "{\"account\": 1, \"name\": \"fuzz fixture " + UUID.randomUUID() + "\", \"definition\": {\"from\":"
                        + " \"events\", \"dimensions\": [\"event.name\"], \"metrics\": [\"event_count\", \"unique_users\"],"
                        + " \"where\": [\"date DURING LAST_90_DAYS\"], \"totals\": {\"grand\": true}}}")) {
            ids.add(saved(api, owner, body));
        }
        return ids;
    }

    private static String saved(ApiClient api, String token, String body) throws Exception {
        ApiClient.Response response = api.post(SavedRun.BASE, token, "application/json", "application/json", body);
        assertThat(response.status()).as("fixture %s: %s", body, response).isEqualTo(201);
        return (String) Json.object(Json.parse(response.body())).get("id");
    }
}
