package io.quarry.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.ql.corpus.Corpus;
import io.quarry.api.db.DirectDataSource;
import io.quarry.migrations.demo.DemoDataLoader;
import io.quarry.migrations.demo.DemoDataSpec;
import io.quarry.planner.sql.Identifiers;
import io.quarry.testdb.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * From one node to Citus, on the real cluster: a database created on the coordinator and the
 * workers WITHOUT the citus extension is a plain-PostgreSQL Quarry database (migrations applied,
 * V5 a no-op, demo data loaded); a Quarry server answers every corpus report and a few more for
 * one account and for three. {@link Distribution} (what {@code ./quarry distribute} runs) then makes
 * it a coordinator's; a restarted server answers every one of them the same, the lookup tables
 * are reference tables, the tenant tables one colocation group, and every foreign key is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributeTest {

    private static final List<String> MORE = List.of(
            "DIMENSIONS campaign.name METRICS spend, clicks, ctr WHERE date BETWEEN DATE '2026-01-01' AND DATE '2026-12-31'"
                    + " ORDER BY campaign.name TIMEZONE 'UTC'",
            "DIMENSIONS country.name METRICS impressions, spend TOTALS GRAND WHERE date DURING LAST_30_DAYS"
                    + " ORDER BY country.name TIMEZONE 'UTC'",
            "DIMENSIONS event.name METRICS event_count WHERE date DURING LAST_30_DAYS ORDER BY event.name TIMEZONE 'UTC'");

    private final String database = "quarry_distribute_" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> nodes = new ArrayList<>();
    private final List<EmbeddedServer> servers = new ArrayList<>();

    @Test
    void aPlainPostgresqlQuarryDatabaseBecomesDistributedAndEveryReportAnswersTheSame() throws Exception {
        assumeTrue(TestDatabase.get().citus(), "needs a Citus cluster to distribute onto");
        List<String> workers = prepareDatabases();
        String url = "jdbc:postgresql://" + nodes.get(0) + "/" + database;
        EmbeddedServer before = server(url); // migrates the new database: V5 does nothing without citus
        try (Connection connection = connect(nodes.get(0))) {
            assertThat(single(connection, "SELECT count(*) FROM pg_extension WHERE extname = 'citus'")).isZero();
        }
        new DemoDataLoader(before.getApplicationContext().getBean(DirectDataSource.class).dataSource())
                .load(new DemoDataSpec(7, 8, 5, 2, 3, 120, LocalDate.now(ZoneOffset.UTC).minusDays(1), 10), 2);
        Map<String, JsonNode> expected = answers(before);
        List<String> foreignKeys = foreignKeys();
        assertThat(foreignKeys).hasSizeGreaterThanOrEqualTo(11);

        List<String> steps = new ArrayList<>();
        Distribution.Outcome outcome = before.getApplicationContext().getBean(Distribution.class).run(
                workers.stream().map(Distribution.Worker::parse).toList(), steps::add);
        before.stop();
        assertThat(outcome.referenceTables()).containsExactly("countries", "currencies", "exchange_rates");
        assertThat(outcome.distributedTables()).first().isEqualTo("accounts");
        assertThat(outcome.distributedTables()).contains("campaigns", "ad_sets", "ads", "ad_stats_daily", "events",
                "saved_reports", "saved_report_versions");
        assertThat(outcome.rowsVerified()).isPositive();
        assertThat(steps).last().asString().startsWith("verified: ");

        try (Connection connection = connect(nodes.get(0))) {
            assertThat(single(connection, "SELECT count(DISTINCT colocation_id) FROM public.citus_tables"
                    + " WHERE citus_table_type = 'distributed'")).isEqualTo(1);
            assertThat(single(connection, "SELECT count(*) FROM public.citus_tables WHERE citus_table_type = 'reference'"))
                    .isEqualTo(3);
            assertThat(single(connection, "SELECT count(DISTINCT nodeport) FROM pg_catalog.citus_shards"))
                    .isEqualTo(workers.size());
        }
        assertThat(foreignKeys()).as("every foreign key is back").isEqualTo(foreignKeys);
        Map<String, JsonNode> actual = answers(server(url));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((report, answer) -> assertThat(actual.get(report)).as(report).isEqualTo(answer));
    }

    @AfterAll
    void dropTheDatabases() throws SQLException {
        servers.forEach(EmbeddedServer::stop);
        for (String node : nodes) {
            try (Connection connection = connect(node, "postgres"); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " WITH (FORCE)");
            }
        }
    }

    /** The database on the coordinator (plain) and on every worker (with citus, as a node needs); the workers' host:port. */
    private List<String> prepareDatabases() throws SQLException {
        List<String> workers = new ArrayList<>();
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT host(inet_server_addr()) || ':' || inet_server_port()"
                     + " UNION ALL (SELECT nodename || ':' || nodeport FROM pg_dist_node WHERE groupid <> 0"
                     + " AND noderole = 'primary' AND isactive ORDER BY nodeid)")) {
            while (rows.next()) {
                nodes.add(rows.getString(1));
            }
        }
        for (String node : nodes) {
            try (Connection connection = connect(node, "postgres"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + Identifiers.quote(database));
            }
            if (!node.equals(nodes.get(0))) {
                workers.add(node);
                try (Connection connection = connect(node); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE EXTENSION citus");
                }
            }
        }
        assertThat(workers).isNotEmpty();
        return workers;
    }

    /** Every report's status and rows (or error code), for accounts [1] and [1, 2, 3]. */
    private Map<String, JsonNode> answers(EmbeddedServer server) throws IOException {
        AdminCalls calls = new AdminCalls(server.getURL(), server.getApplicationContext().getBean(TokenGenerator.class));
        List<String> reports = new ArrayList<>(MORE);
        Corpus.entries().forEach(entry -> reports.add(entry.text()));
        assertThat(reports).hasSizeGreaterThan(20);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        int nonEmpty = 0;
        for (List<Long> scope : List.of(List.of(1L), List.of(1L, 2L, 3L))) {
            String token = calls.token("distribute-reader", scope, null);
            for (String report : reports) {
                // The demo accounts keep money in several currencies: every report converts into one.
                AdminCalls.Answer answer = calls.report(report + "\nCURRENCY 'USD'", token);
                JsonNode kept = answer.status() == 200 ? answer.body().get("rows") : answer.body().get("code");
                if (answer.status() == 200 && !kept.isEmpty()) {
                    nonEmpty++;
                }
                answers.put(scope + " " + report, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode().put("status", answer.status()).set("answer", kept));
            }
        }
        assertThat(nonEmpty).as("reports with rows").isGreaterThan(reports.size());
        return answers;
    }

    private EmbeddedServer server(String url) {
        Map<String, Object> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("datasources.default.url", url);
        properties.put("quarry.cache.ttl", "0s");
        properties.put("quarry.partitions.initial-delay", "1h");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        servers.add(server);
        return server;
    }

    /** The foreign keys of the coordinator's tables: table, name and definition. */
    private List<String> foreignKeys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = connect(nodes.get(0)); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT conrelid::regclass || ' ' || conname || ' '"
                     + " || pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f'"
                     + " AND connamespace = 'public'::regnamespace ORDER BY 1")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    private Connection connect(String node) throws SQLException {
        return connect(node, database);
    }

    private static Connection connect(String node, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + node + "/" + database, TestDatabase.get().username(),
                TestDatabase.get().password());
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
