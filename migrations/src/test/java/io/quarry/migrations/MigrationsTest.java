package io.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations on the test database: the schema rules every tenant table must follow. */
class MigrationsTest {

    static final List<String> TENANT_TABLES =
            List.of("accounts", "campaigns", "ad_sets", "ads", "ad_stats_daily", "events", "saved_reports",
                    "saved_report_versions");
    static final List<String> REFERENCE_TABLES = List.of("countries", "currencies");

    static DataSource dataSource;

    @BeforeAll
    static void migrate() {
        dataSource = TestDatabase.get().dataSource();
        new Migrator(dataSource).migrate();
    }

    @Test
    void migratingTwiceIsANoOp() {
        assertThat(new Migrator(dataSource).migrate()).isZero();
    }

    @Test
    void everyTenantTableHasAccountIdAsFirstPrimaryKeyColumn() throws SQLException {
        for (String table : TENANT_TABLES) {
            List<String> key = query("""
                    SELECT a.attname
                    FROM pg_constraint c
                    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                    WHERE c.contype = 'p' AND c.conrelid = ?::regclass
                    ORDER BY k.position""", table);
            assertThat(key).as("primary key of %s", table).first().isEqualTo("account_id");
            List<String> type = query("""
                    SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                    WHERE attrelid = ?::regclass AND attname = 'account_id'""", table);
            assertThat(type).as("type of %s.account_id", table).containsExactly("bigint");
        }
    }

    @Test
    void everyForeignKeyBetweenTenantTablesIncludesAccountId() throws SQLException {
        List<String> violations = query("""
                SELECT c.conname
                FROM pg_constraint c
                JOIN pg_class target ON target.oid = c.confrelid
                WHERE c.contype = 'f'
                  AND c.connamespace = current_schema()::regnamespace
                  AND target.relname = ANY (?::text[])
                  AND NOT EXISTS (
                      SELECT 1 FROM unnest(c.conkey) AS k(attnum)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                      WHERE a.attname = 'account_id')""", (Object) TENANT_TABLES.toArray(String[]::new));
        assertThat(violations).isEmpty();
        List<String> tenantForeignKeys = query("""
                SELECT c.conname FROM pg_constraint c JOIN pg_class target ON target.oid = c.confrelid
                WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
                  AND target.relname = ANY (?::text[])""", (Object) TENANT_TABLES.toArray(String[]::new));
        assertThat(tenantForeignKeys).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void factTablesArePartitionedByTimeWithPartitionsAroundToday() throws SQLException {
        for (String table : List.of("ad_stats_daily", "events")) {
            List<String> partitions = query(
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " WHERE i.inhparent = ?::regclass ORDER BY 1", table);
            LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
            assertThat(partitions).contains(
                    table + "_p" + month.getYear() + "_" + String.format("%02d", month.getMonthValue()),
                    table + "_p" + month.minusMonths(12).getYear() + "_"
                            + String.format("%02d", month.minusMonths(12).getMonthValue()));
        }
    }

    @Test
    void partitionFunctionCreatesMissingMonthsOnceAndRejectsEmptyRanges() throws SQLException {
        LocalDate from = LocalDate.of(2019, 11, 15);
        LocalDate to = LocalDate.of(2020, 2, 1);
        assertThat(createPartitions("ad_stats_daily", from, to)).isEqualTo(3);
        assertThat(createPartitions("ad_stats_daily", from, to)).isZero();
        assertThat(query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'ad_stats_daily'::regclass AND c.relname LIKE '%p2019%'"))
                .containsExactly("ad_stats_daily_p2019_11", "ad_stats_daily_p2019_12");
        assertThatThrownBy(() -> createPartitions("events", to, from))
                .hasMessageContaining("partition range is empty");
        assertThatThrownBy(() -> createPartitions("accounts", from, to))
                .hasMessageContaining("is not a partitioned table");
    }

    @Test
    void eventPartitionBoundariesAreUtcMonthStartsWhateverTheSessionTimeZone() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'Pacific/Auckland'");
            statement.execute("SELECT quarry_create_time_partitions('events', '2018-03-01', '2018-04-01')");
            statement.execute("SET TimeZone = 'UTC'");
            try (ResultSet rs = statement.executeQuery("""
                    SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
                    WHERE c.relname = 'events_p2018_03' AND c.relnamespace = current_schema()::regnamespace""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1))
                        .isEqualTo("FOR VALUES FROM ('2018-03-01 00:00:00+00') TO ('2018-04-01 00:00:00+00')");
            } finally {
                statement.execute("RESET TimeZone");
            }
        }
    }

    @Test
    void referenceDataIsSeeded() throws SQLException {
        assertThat(query("SELECT code FROM currencies WHERE code IN ('USD', 'EUR')")).hasSize(2);
        assertThat(query("SELECT code FROM countries WHERE code = 'FI'")).containsExactly("FI");
    }

    @Test
    void onCitusTenantTablesAreDistributedAndColocatedAndLookupsAreReferenceTables() throws SQLException {
        assumeTrue(TestDatabase.get().citus(), "the test database is not a Citus coordinator");
        // citus_tables is a view in schema public; regclass::text is unqualified for tables on the
        // search path, so match by regclass, not by name.
        List<String> distributed = query("""
                SELECT c.relname || ':' || t.citus_table_type || ':' || t.distribution_column || ':' || t.colocation_id
                FROM public.citus_tables t JOIN pg_class c ON c.oid = t.table_name
                WHERE t.table_name = ANY (SELECT n::regclass FROM unnest(?::text[]) n)
                ORDER BY 1""", (Object) TENANT_TABLES.toArray(String[]::new));
        assertThat(distributed).hasSize(TENANT_TABLES.size());
        assertThat(distributed).allSatisfy(row -> assertThat(row).contains(":distributed:account_id:"));
        assertThat(distributed.stream().map(row -> row.substring(row.lastIndexOf(':'))).distinct())
                .as("colocation ids").hasSize(1);
        List<String> reference = query("""
                SELECT t.citus_table_type FROM public.citus_tables t
                WHERE t.table_name = ANY (SELECT n::regclass FROM unnest(?::text[]) n)""",
                (Object) REFERENCE_TABLES.toArray(String[]::new));
        assertThat(reference).containsExactly("reference", "reference");
    }

    private static int createPartitions(String table, LocalDate from, LocalDate to) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT quarry_create_time_partitions(?::regclass, ?, ?)")) {
            statement.setString(1, table);
            statement.setObject(2, from);
            statement.setObject(3, to);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<String> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }
}
