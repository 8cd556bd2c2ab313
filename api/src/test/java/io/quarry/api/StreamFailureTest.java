package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.testdb.TestDatabase;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A CSV stream that fails after its first byte must fail for the client too (the response is
 * aborted, never ended cleanly), a client that stops reading is cut after the idle time, one
 * that goes away ends the stream and its transaction, and a stream holds its caller's concurrency
 * permit until it ends. The clients here read through sockets with a tiny receive buffer, so the
 * server's buffers fill and the stream is still running when the test acts.
 */
@MicronautTest
class StreamFailureTest extends ApiTest {

    private static final String EXPORT = "FROM ad_stats DIMENSIONS ad.id, date.day, ad.name, ad_set.name,"
            + " campaign.name AS \"%s\" METRICS spend, clicks, impressions, ctr, cpc, cpm"
            + " WHERE date BETWEEN DATE '2026-04-16' AND DATE '2026-06-14' CURRENCY 'USD'";
    private static final byte[] LAST_CHUNK = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final String SMALL = "METRICS spend WHERE date DURING LAST_30_DAYS CURRENCY 'USD'";

    @Inject
    EmbeddedServer server;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("quarry.execution.stream-idle-timeout", "2s");
        properties.put("quarry.limits.max-concurrent-per-caller", "2");
        properties.put("quarry.cache.ttl", "0s");
        // A small socket send buffer (no autotuning), so a client that reads slowly holds the stream.
        properties.put("micronaut.server.netty.child-options.SO_SNDBUF", "4096");
        return properties;
    }

    @Test
    void aStreamWhoseDatabaseConnectionDiesIsAbortedNotEnded() throws Exception {
        double before = failures("database");
        String marker = "stream-killed-" + System.nanoTime();
        try (Socket socket = export(token("exporter", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)), marker)) {
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(512);
            assertThat(new String(start, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            int terminated = terminate();
            for (int i = 0; i < 50 && terminated == 0; i++) {
                Thread.sleep(20); // the stream may be fetching its next rows, not waiting for the client yet
                terminated = terminate();
            }
            assertThat(terminated).as("the stream's backend, still in its transaction").isEqualTo(1);
            byte[] rest = readToEnd(in);
            assertThat(endsWith(rest, LAST_CHUNK)).as("the chunked response has no terminating chunk").isFalse();
        }
        assertThat(failures("database")).isEqualTo(before + 1);
    }

    @Test
    void aClientThatStopsReadingIsCutAndItsPermitsComeBack() throws Exception {
        double before = failures("idle");
        String caller = token("slow-reader", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        try (Socket first = export(caller, "idle-a"); Socket second = export(caller, "idle-b")) {
            assertThat(new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200");
            assertThat(new String(second.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200");
            HttpClientResponseException third = error(report("/api/v1/reports/query", SMALL, caller));
            assertThat(third.getStatus().getCode()).as("two streams hold both permits").isEqualTo(429);
            for (int i = 0; i < 100 && failures("idle") < before + 2; i++) {
                Thread.sleep(100);
            }
            assertThat(failures("idle")).as("both streams cut after 2 s without reads").isEqualTo(before + 2);
            assertThat(client.toBlocking().retrieve(report("/api/v1/reports/query", SMALL, caller)))
                    .contains("\"rows\"");
            assertThat(endsWith(readToEnd(first.getInputStream()), LAST_CHUNK)).isFalse();
        }
    }

    @Test
    void aClientThatGoesAwayEndsTheStreamAndItsTransaction() throws Exception {
        double before = failures("client");
        try (Socket socket = export(token("leaver", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)), "gone")) {
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200");
        }
        for (int i = 0; i < 100 && failures("client") < before + 1; i++) {
            Thread.sleep(100);
        }
        assertThat(failures("client")).as("the stream stopped when its client left").isEqualTo(before + 1);
        assertThat(openStreams()).as("its transaction ended").isZero();
    }

    private Socket export(String token, String marker) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("localhost", server.getPort()));
        socket.setSoTimeout(30_000);
        String body = String.format(EXPORT, marker);
        socket.getOutputStream().write(("POST /api/v1/reports/query HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nAccept: text/csv\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    /**
     * Terminates the backend of the running stream (the one report transaction waiting for its
     * client to read: PostgreSQL shows only the start of the statement, not the marker alias);
     * how many there were.
     */
    private static int terminate() throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE state = 'idle in transaction' AND backend_type = 'client backend'"
                     + " AND query LIKE 'WITH \"base_0_ad_stats\"%' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Report transactions still open (a stream's, waiting for its client or reading its rows). */
    private static int openStreams() throws Exception {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE state IN ('idle in transaction', 'active') AND backend_type = 'client backend'"
                     + " AND query LIKE 'WITH \"base_0_ad_stats\"%' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the response neither ended nor was aborted", e);
        } catch (IOException e) {
            // a reset connection: the abort itself
        }
        return all.toByteArray();
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        if (bytes.length < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private double failures(String reason) {
        Counter counter = meters.find("quarry.report.stream.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + request.getPath());
    }
}
