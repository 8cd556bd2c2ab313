package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.quarry.api.auth.DemoToken;
import io.quarry.api.auth.Jwts;
import io.quarry.api.db.DirectDataSource;
import io.quarry.api.db.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The quickstart setting: no datasource URL, so Quarry starts its own PostgreSQL, migrates it,
 * loads the demo data once, and keeps the data across restarts; its demo token secret lives in
 * that data directory, and the demo token it prints works.
 */
class EmbeddedModeTest {

    /** The parent of the data directories: never a shared one such as /tmp itself. */
    @TempDir
    Path root;

    Path dataDir;

    @BeforeEach
    void dataDirectory() {
        dataDir = root.resolve("pg");
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsItsOwnDatabaseLoadsDemoDataOnceAndKeepsDataAcrossRestarts() throws Exception {
        int port = freePort();
        PrintedToken printed = PrintedToken.capture();
        try (EmbeddedServer server = start(port);
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(server.getApplicationContext().getBean(EmbeddedDatabase.class).dataDir()).isEqualTo(dataDir);
            assertThat(client.toBlocking().retrieve("/health")).isEqualTo("{\"status\":\"UP\"}");
            String token = printed.token();
            Map<String, Object> claims = printed.claims();
            assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                    .as("the demo token's lifetime").isEqualTo(Duration.ofDays(30).toSeconds());
            assertThat(claims.get("scope")).as("the demo token may ingest").isEqualTo("read ingest");
            Map<String, Object> health = client.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(token),
                    Argument.mapOf(String.class, Object.class));
            Map<String, Object> database = (Map<String, Object>) ((Map<String, Object>) health.get("details"))
                    .get("database");
            assertThat((Map<String, Object>) database.get("details")).containsEntry("mode", "embedded");
            assertThat(client.toBlocking().exchange(HttpRequest.GET("/api/v1/model").bearerAuth(token)).code())
                    .isEqualTo(200);
            DataSource dataSource = server.getApplicationContext().getBean(DirectDataSource.class).dataSource();
            assertThat(number(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(20);
            assertThat(number(dataSource, "SELECT count(*) FROM ad_stats_daily")).isGreaterThan(50_000);
            execute(dataSource, "INSERT INTO accounts (account_id, name, currency, country, timezone)"
                    + " VALUES (424242, 'Survivor', 'EUR', 'FI', 'Europe/Helsinki')");
        }
        try (EmbeddedServer server = start(port)) {
            DataSource dataSource = server.getApplicationContext().getBean(DirectDataSource.class).dataSource();
            assertThat(number(dataSource, "SELECT count(*) FROM accounts WHERE account_id = 424242")).isEqualTo(1);
            assertThat(number(dataSource, "SELECT count(*) FROM demo_data_loads")).as("loads").isEqualTo(1);
            assertThat(number(dataSource, "SELECT count(*) FROM accounts")).isEqualTo(21);
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsRefusedWithAClearMessage() throws Exception {
        try (EmbeddedServer ignored = start(freePort())) {
            assertThatThrownBy(() -> start(freePort()))
                    .hasStackTraceContaining("Could not start the embedded PostgreSQL")
                    .hasStackTraceContaining(dataDir.toString());
        }
    }

    @Test
    void eachDataDirectoryHasItsOwnSecretInsideItAndDeletingTheDirectoryResetsIt() throws Exception {
        Path first = root.resolve("first");
        Path second = root.resolve("second");
        String token;
        try (EmbeddedServer server = startWithoutDemoData(first);
             HttpClient client = HttpClient.create(server.getURL())) {
            Path secret = first.resolve("quarry").resolve("jwt-secret");
            assertThat(Files.readString(secret)).hasSize(64);
            assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(root.resolve("jwt-secret")).as("nothing beside the data directory").doesNotExist();
            token = server.getApplicationContext().getBean(DemoToken.class).generate("demo", List.of(1L));
            assertThat(modelStatus(client, token)).isEqualTo(200);
        }
        try (EmbeddedServer server = startWithoutDemoData(second);
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(modelStatus(client, token)).as("a sibling data directory's token").isEqualTo(401);
        }
        deleteRecursively(first);
        try (EmbeddedServer server = startWithoutDemoData(first);
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(modelStatus(client, token)).as("a token of the deleted data directory").isEqualTo(401);
        }
    }

    /** The previous release kept the secret beside the data directory: its demo token keeps working. */
    @Test
    void thePreviousReleasesSecretBesideTheDataDirectoryIsMovedIn() throws Exception {
        String secret = "0123456789abcdef".repeat(4);
        Files.writeString(root.resolve("jwt-secret"), secret);
        // The previous release's demo token: 30 days, no iat.
        String previous = Jwts.hmac("HS256", secret, Jwts.claims(Map.of("sub", "demo", "iss", "quarry-demo",
                "accounts", List.of(1, 2), "exp", Instant.now().plus(Duration.ofDays(30)).getEpochSecond())));
        try (EmbeddedServer server = startWithoutDemoData(dataDir);
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(root.resolve("jwt-secret")).doesNotExist();
            assertThat(Files.readString(dataDir.resolve("quarry").resolve("jwt-secret"))).isEqualTo(secret);
            assertThat(modelStatus(client, previous)).isEqualTo(200);
        }
    }

    private static int modelStatus(HttpClient client, String token) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET("/api/v1/model").bearerAuth(token)).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private EmbeddedServer start(int databasePort) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "quarry.embedded.data-dir", dataDir.toString(),
                "quarry.embedded.port", String.valueOf(databasePort),
                "micronaut.server.port", "-1"));
    }

    private static EmbeddedServer startWithoutDemoData(Path dataDir) throws IOException {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "quarry.embedded.data-dir", dataDir.toString(),
                "quarry.embedded.port", String.valueOf(freePort()),
                "quarry.demo-data.enabled", "false",
                "micronaut.server.port", "-1"));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The demo token the server prints at startup, read from its log line. */
    private static final class PrintedToken {

        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        static PrintedToken capture() {
            PrintedToken printed = new PrintedToken();
            printed.appender.start();
            ((Logger) LoggerFactory.getLogger(DemoToken.class)).addAppender(printed.appender);
            return printed;
        }

        String token() {
            ((Logger) LoggerFactory.getLogger(DemoToken.class)).detachAppender(appender);
            List<String> tokens = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .flatMap(message -> message.lines().map(String::strip))
                    .filter(line -> line.startsWith("export QUARRY_TOKEN="))
                    .map(line -> line.substring("export QUARRY_TOKEN=".length())).toList();
            assertThat(tokens).hasSize(1);
            return tokens.get(0);
        }

        Map<String, Object> claims() throws IOException {
            byte[] json = Base64.getUrlDecoder().decode(token().split("\\.")[1]);
            return JsonMapper.createDefault().readValue(json, Argument.mapOf(String.class, Object.class));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long number(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
