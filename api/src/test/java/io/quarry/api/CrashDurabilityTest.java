package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answered write survives a crash of the database: three writers save reports through the
 * API of a server on its embedded PostgreSQL, the postmaster is killed with SIGKILL mid-stream,
 * and after a restart on the same data directory every write that was answered 201 is there.
 */
class CrashDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_CRASH = 150;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesAKilledPostmaster() throws Exception {
        int port = freePort();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try (EmbeddedServer server = start(port);
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            String token = token(server);
            AtomicBoolean crashed = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(3);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                running.add(writers.submit(() -> write(client, token, writer, acknowledged, crashed)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_CRASH) {
                for (Future<?> writer : running) {
                    if (writer.isDone()) {
                        writer.get(); // a writer that failed before the crash fails the test with its cause
                    }
                }
                assertThat(System.nanoTime()).as("writes answered within a minute").isLessThan(deadline);
                Thread.sleep(10);
            }
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            crashed.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> writer : running) {
                writer.get();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_CRASH);
        try (EmbeddedServer server = start(port);
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            String token = token(server);
            List<String> lost = new ArrayList<>();
            for (String id : acknowledged) {
                try {
                    client.toBlocking().exchange(HttpRequest.GET("/api/v1/saved-reports/" + id).bearerAuth(token));
                } catch (HttpClientResponseException e) {
                    lost.add(id + ": " + e.getStatus().getCode());
                }
            }
            assertThat(lost).as("acknowledged writes lost after the crash (of %d)", acknowledged.size()).isEmpty();
        }
    }

    /** Saves reports until the crash; records the id of every one answered 201. */
    private static void write(HttpClient client, String token, int writer, ConcurrentLinkedQueue<String> acknowledged,
                              AtomicBoolean crashed) {
        for (int n = 0; !crashed.get(); n++) {
            String name = "crash " + writer + "-" + n + "-" + System.nanoTime();
            Map<String, Object> body = Map.of("account", 1, "name", name,
                    "definition", "DIMENSIONS campaign.name METRICS spend WHERE date DURING LAST_7_DAYS");
            try {
                Map<String, Object> saved = client.toBlocking().retrieve(
                        HttpRequest.POST("/api/v1/saved-reports", body).bearerAuth(token),
                        Argument.mapOf(String.class, Object.class));
                acknowledged.add((String) saved.get("id"));
            } catch (HttpClientResponseException e) {
                if (!crashed.get()) {
                    throw e;
                }
            }
        }
    }

    private EmbeddedServer start(int databasePort) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "quarry.embedded.data-dir", dataDir.toString(),
                "quarry.embedded.port", databasePort,
                "micronaut.server.port", -1));
    }

    private static String token(EmbeddedServer server) {
        return server.getApplicationContext().getBean(TokenGenerator.class).generateToken(Map.of("sub", "writer",
                "accounts", List.of(1L), "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
