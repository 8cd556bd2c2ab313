package io.quarry.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.ApiTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.ingest.IngestCalls.Answer;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingest's back-pressure, with small limits: a body over {@code quarry.ingest.max-body-bytes}
 * (with or without Content-Length) is 413 and stores nothing, a second concurrent batch of one
 * caller is 429 with Retry-After, and bodies read whole (reports) keep their 1MB bound.
 */
@MicronautTest
class IngestLimitsTest extends ApiTest {

    private static final long ACCOUNT = 9_200_101L;
    private static final String MAY = "METRICS event_count WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'"
            + " TIMEZONE 'UTC'";

    @Inject
    EmbeddedServer server;

    private IngestCalls calls;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.ingest.max-body-bytes", "4KB");
        properties.put("quarry.ingest.max-concurrent-per-caller", "1");
        properties.put("quarry.cache.ttl", "0s");
        return properties;
    }

    @BeforeAll
    void calls() {
        calls = new IngestCalls(server.getURL(), tokens);
    }

    private static String events(long from, int count) {
        StringBuilder body = new StringBuilder();
        for (long id = from; id < from + count; id++) {
            body.append("{\"account_id\": ").append(ACCOUNT).append(", \"event_id\": ").append(id)
                    .append(", \"created_at\": \"2026-05-09T10:00:00Z\", \"name\": \"sign_up\"}\n");
        }
        return body.toString();
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutContentLengthAndStoresNothing() {
        String token = calls.writer("limits-size", List.of(ACCOUNT));
        String big = events(1, 100);
        assertThat(big.length()).isGreaterThan(4096);
        Answer sized = calls.post("events", IngestCalls.NDJSON, big, token);
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.contentType()).startsWith("application/problem+json");
        assertThat(sized.code()).isEqualTo("BODY_TOO_LARGE");
        Answer chunked = calls.postChunked("events", IngestCalls.NDJSON,
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), token);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(calls.single(MAY, token)).isEqualTo("0");
        Answer small = calls.post("events", IngestCalls.NDJSON, events(1, 10), token);
        assertThat(small.status()).as(small.body().toString()).isEqualTo(200);
        assertThat(calls.single(MAY, token)).isEqualTo("10");
    }

    @Test
    void aSecondConcurrentBatchOfOneCallerIs429() throws Exception {
        String token = calls.writer("limits-concurrency", List.of(ACCOUNT + 1));
        String first = "{\"account_id\": " + (ACCOUNT + 1) + ", \"event_id\": 1, \"created_at\": \"2026-05-09T10:00:00Z\","
                + " \"name\": \"sign_up\"}\n";
        Answer refused;
        // The first batch, sent by hand: headers and one chunked row, then held open.
        try (Socket held = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = held.getOutputStream();
            out.write(("POST /api/v1/ingest/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!calls.prometheus().contains("quarry_ingest_active 1.0") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            refused = calls.post("events", IngestCalls.NDJSON, "{}\n", token);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = new String(held.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"rows\":1");
        }
        assertThat(refused.status()).as("a second batch while the first streams").isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TOO_MANY_INGESTS");
        assertThat(refused.retryAfter()).isEqualTo("1");
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void reportBodiesAreStillBoundedAtOneMegabyte() throws IOException, InterruptedException {
        String report = "METRICS spend WHERE date DURING LAST_30_DAYS" + " ".repeat(1_100_000);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/api/v1/reports/query"))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token("t", List.of(1L)))
                .POST(HttpRequest.BodyPublishers.ofString(report)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }
}
