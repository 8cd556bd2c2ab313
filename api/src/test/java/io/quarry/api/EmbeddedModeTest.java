package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.quarry.api.db.DirectDataSource;
import io.quarry.api.db.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart setting: no datasource URL, so Quarry starts its own PostgreSQL, migrates it,
 * loads the demo data once, and keeps the data across restarts.
 */
class EmbeddedModeTest {

    @TempDir
    Path dataDir;

    @Test
    void startsItsOwnDatabaseLoadsDemoDataOnceAndKeepsDataAcrossRestarts() throws Exception {
        int port = freePort();
        try (EmbeddedServer server = start(port)) {
            assertThat(server.getApplicationContext().getBean(EmbeddedDatabase.class).dataDir()).isEqualTo(dataDir);
            String health = HttpClient.create(server.getURL()).toBlocking().retrieve("/health");
            assertThat(health).contains("\"status\":\"UP\"").contains("\"mode\":\"embedded\"");
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

    private EmbeddedServer start(int databasePort) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "quarry.embedded.data-dir", dataDir.toString(),
                "quarry.embedded.port", String.valueOf(databasePort),
                "micronaut.server.port", "-1"));
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
