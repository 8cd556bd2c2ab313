package io.quarry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.quarry.api.auth.DemoToken;
import io.quarry.api.db.DirectDataSource;
import io.quarry.migrations.demo.DemoDataLoader;
import io.quarry.migrations.demo.DemoDataSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded demo keeps its last day at yesterday: demo data that ends days ago is extended on
 * start, with the same generator and seed, leaving the days it had untouched; LAST_7_DAYS then
 * finds yesterday; a second start adds nothing; an extension that fails at its last step leaves
 * nothing behind (the server starts anyway, and the next start extends). A configured database
 * is never extended.
 */
class DemoDataFreshnessTest {

    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final LocalDate OLD_END = YESTERDAY.minusDays(5);
    private static final String OLD_DAYS = "SELECT count(*) || ':' || sum(spend) || ':' || sum(clicks)"
            + " FROM ad_stats_daily WHERE day <= '" + OLD_END + "'";
    private static final String OLD_EVENTS = "SELECT count(*) || ':' || sum(hashtext(data::text))"
            + " FROM events WHERE created_at < '" + OLD_END.plusDays(1) + "'";
    private static final String TOTALS = "SELECT (SELECT count(*) FROM ad_stats_daily) || ':' || (SELECT count(*)"
            + " FROM events) || ':' || (SELECT count(*) FROM demo_data_loads)";

    @TempDir
    Path dataDir;

    @Test
    void demoDataEndingDaysAgoIsExtendedToYesterdayOnceAndTheOldDaysStayAsTheyWere() throws Exception {
        int port = freePort();
        String oldDays;
        String oldEvents;
        String oldTotals;
        try (EmbeddedServer server = start(port, false)) {
            DataSource database = database(server);
            new DemoDataLoader(database).load(new DemoDataSpec(DemoDataSpec.DEFAULT_SEED, 3, 4, 2, 2, 30, OLD_END, 20));
            oldDays = text(database, OLD_DAYS);
            oldEvents = text(database, OLD_EVENTS);
            oldTotals = text(database, TOTALS);
            assertThat(text(database, "SELECT max(day) FROM ad_stats_daily")).isEqualTo(OLD_END.toString());
            // The extension's last step, recording it, will fail: everything before must go with it.
            execute(database, "ALTER TABLE demo_data_loads ADD CONSTRAINT one_load CHECK (load_id = 1)");
        }
        try (EmbeddedServer server = start(port, null)) {
            DataSource database = database(server);
            assertThat(text(database, TOTALS)).as("a failed extension leaves nothing").isEqualTo(oldTotals);
            execute(database, "ALTER TABLE demo_data_loads DROP CONSTRAINT one_load");
        }
        String totals;
        try (EmbeddedServer server = start(port, null);
             HttpClient client = HttpClient.create(server.getURL())) {
            DataSource database = database(server);
            assertThat(text(database, "SELECT max(day) FROM ad_stats_daily")).isEqualTo(YESTERDAY.toString());
            assertThat(text(database, "SELECT max(created_at AT TIME ZONE 'UTC')::date FROM events"))
                    .isEqualTo(YESTERDAY.toString());
            assertThat(text(database, "SELECT count(DISTINCT day) FROM ad_stats_daily WHERE day > '" + OLD_END + "'"))
                    .as("every new day has statistics").isEqualTo("5");
            assertThat(text(database, OLD_DAYS)).as("the days it had").isEqualTo(oldDays);
            assertThat(text(database, OLD_EVENTS)).as("the events it had").isEqualTo(oldEvents);
            assertThat(text(database, "SELECT spec FROM demo_data_loads ORDER BY load_id DESC LIMIT 1"))
                    .contains("days=35", "endDate=" + YESTERDAY);
            String token = server.getApplicationContext().getBean(DemoToken.class).generate("demo", List.of(1L, 2L,
                    3L));
            Map<String, Object> answer = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/reports/query",
                            "DIMENSIONS date.day METRICS impressions WHERE date DURING LAST_7_DAYS ORDER BY date.day")
                    .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token), Argument.mapOf(String.class,
                            Object.class));
            List<?> rows = (List<?>) answer.get("rows");
            assertThat(rows).as("LAST_7_DAYS finds the new days").isNotEmpty();
            assertThat(((List<?>) rows.get(rows.size() - 1)).get(0)).isEqualTo(YESTERDAY.toString());
            totals = text(database, TOTALS);
        }
        try (EmbeddedServer server = start(port, null)) {
            assertThat(text(database(server), TOTALS)).as("a second start adds nothing").isEqualTo(totals);
        }
    }

    @Test
    void aConfiguredDatabaseIsNeverExtended() throws Exception {
        TestDatabaseProperties.ensureDemoData();
        Map<String, Object> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.demo-data.enabled", "true");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            DataSource database = context.getBean(DirectDataSource.class).dataSource();
            assertThat(text(database, "SELECT max(day) FROM ad_stats_daily WHERE account_id <= 8"))
                    .isEqualTo(TestDatabaseProperties.LAST_DAY.toString());
        }
    }

    private EmbeddedServer start(int databasePort, Boolean demoData) {
        return ApplicationContext.run(EmbeddedServer.class, properties(databasePort, demoData));
    }

    private Map<String, Object> properties(int databasePort, Boolean demoData) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "quarry.embedded.data-dir", dataDir.resolve("pg").toString(),
                "quarry.embedded.port", String.valueOf(databasePort),
                "micronaut.server.port", "-1"));
        if (demoData != null) {
            properties.put("quarry.demo-data.enabled", demoData.toString());
        }
        return properties;
    }

    private static DataSource database(EmbeddedServer server) {
        return server.getApplicationContext().getBean(DirectDataSource.class).dataSource();
    }

    private static String text(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
