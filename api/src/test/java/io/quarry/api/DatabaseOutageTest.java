package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.quarry.testdb.TestDatabase;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under load (every connection cut and new ones refused, through a TCP
 * proxy between Quarry and the test database) and comes back: meanwhile reports and saved-report
 * writes answer only 503 with Retry-After, never 500, and Quarry serves again within five seconds
 * of the database's return.
 */
class DatabaseOutageTest {

    @Test
    void anOutageAnswers503AndQuarryRecoversWhenTheDatabaseReturns() throws Exception {
        TestDatabaseProperties.ensureDemoData();
        URI database = URI.create(TestDatabase.get().jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort());
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(proxy.port()));
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            String token = server.getApplicationContext().getBean(TokenGenerator.class).generateToken(Map.of(
                    "sub", "outage", "accounts", List.of(1L, 3L),
                    "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<String> wrong = new ArrayList<>();
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService load = Executors.newFixedThreadPool(3);
            for (int worker = 0; worker < 3; worker++) {
                int w = worker;
                load.submit(() -> {
                    for (int n = 0; !done.get(); n++) {
                        int status = call(client, token, w, n, wrong);
                        statuses.merge(status, 1, Integer::sum);
                    }
                });
            }
            Thread.sleep(1_000);
            proxy.down();
            Thread.sleep(6_000);
            proxy.up();
            long back = System.nanoTime();
            while (call(client, token, 9, 0, wrong) != 200) {
                assertThat(System.nanoTime() - back).as("recovered within 5 s").isLessThan(5_000_000_000L);
                Thread.sleep(100);
            }
            done.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(wrong).as("answers other than 200/201 or a 503 problem with Retry-After").isEmpty();
            assertThat(statuses).as("statuses seen").containsKey(503).containsKey(200).containsOnlyKeys(200, 201, 503);
        }
    }

    private static final String REPORT = "DIMENSIONS campaign.name METRICS spend WHERE date DURING LAST_30_DAYS";

    /** One report or one saved-report write; records a wrong answer, returns the status. */
    private static int call(HttpClient client, String token, int worker, int n, List<String> wrong) {
        HttpRequest<?> request = n % 2 == 0
                ? HttpRequest.POST("/api/v1/reports/query", REPORT)
                        .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token)
                : HttpRequest.POST("/api/v1/saved-reports", Map.of("account", 1, "name",
                        "outage " + worker + "-" + n + "-" + System.nanoTime(), "definition", REPORT))
                        .bearerAuth(token);
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            String body = response.getBody(String.class).orElse("");
            boolean unavailable = e.getStatus().getCode() == 503 && response.getHeaders().contains("Retry-After")
                    && (body.contains("DATABASE_UNAVAILABLE") || body.contains("DATABASE_BUSY"));
            if (!unavailable) {
                synchronized (wrong) {
                    wrong.add(e.getStatus().getCode() + " " + request.getPath() + ": " + body);
                }
            }
            return e.getStatus().getCode();
        }
    }

    private static Map<String, Object> properties(int proxyPort) {
        Map<String, Object> properties = new HashMap<>(TestDatabaseProperties.get());
        String url = TestDatabase.get().jdbcUrl();
        URI database = URI.create(url.substring("jdbc:".length()));
        properties.put("datasources.default.url", url.replace(database.getHost() + ":" + database.getPort(),
                "127.0.0.1:" + proxyPort));
        properties.put("datasources.default.connection-timeout", "2000");
        properties.put("quarry.cache.ttl", "0s");
        return properties;
    }
}
