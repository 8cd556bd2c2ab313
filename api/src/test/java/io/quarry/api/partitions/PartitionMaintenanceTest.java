package io.quarry.api.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.db.DirectDataSource;
import io.quarry.api.partitions.PartitionConfiguration.TablePolicy;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The partition lifecycle on the real database (embedded PostgreSQL, or Citus through
 * QUARRY_TEST_DATABASE_URL, where Citus's create/drop_old_time_partitions do the work): a probe
 * table like the fact tables gets partitions ahead and loses those past its retention.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionMaintenanceTest implements TestPropertyProvider {

    @Inject
    PartitionMaintenance maintenance;

    @Inject
    PartitionConfiguration configuration;

    @Inject
    DirectDataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabaseProperties.get());
        properties.put("quarry.partitions.retention-months.ad_stats_daily", "25");
        properties.put("quarry.partitions.initial-delay", "1h");
        return properties;
    }

    @Test
    void partitionsAreCreatedAheadAndDroppedPastTheRetention() throws SQLException {
        execute("DROP TABLE IF EXISTS partition_probe");
        execute("CREATE TABLE partition_probe (account_id bigint NOT NULL, day date NOT NULL) PARTITION BY RANGE (day)");
        if (citus()) {
            execute("SELECT create_distributed_table('partition_probe', 'account_id')");
        }
        execute("SELECT quarry_create_time_partitions('partition_probe', '2024-01-01', '2024-12-01')");
        execute("INSERT INTO partition_probe VALUES (1, '2024-02-10'), (1, '2024-06-30')");

        TablePolicy policy = new TablePolicy("partition_probe", 3, OptionalInt.of(6));
        var outcome = maintenance.maintain(List.of(policy), LocalDate.of(2024, 12, 15)).orElseThrow();

        // December 2024 and three months ahead were missing (4 created); six months back from
        // December is June: January to May 2024 end on or before June 1st (5 dropped).
        assertThat(outcome).containsExactly(new PartitionMaintenance.Outcome("partition_probe", 4, 5));
        List<String> months = partitions("partition_probe");
        assertThat(months).first().isEqualTo("partition_probe_p2024_06");
        assertThat(months).last().isEqualTo("partition_probe_p2025_03");
        assertThat(months).hasSize(10);
        assertThat(count("SELECT count(*) FROM partition_probe")).isEqualTo(1);

        var again = maintenance.maintain(List.of(policy), LocalDate.of(2024, 12, 15)).orElseThrow();
        assertThat(again).containsExactly(new PartitionMaintenance.Outcome("partition_probe", 0, 0));
        execute("DROP TABLE partition_probe");
    }

    @Test
    void theFactTablesAlwaysHavePartitionsForTheComingMonths() throws SQLException {
        assertThat(configuration.retentionMonths()).containsEntry("ad_stats_daily", 25);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        maintenance.maintain(configuration.policies(), today).orElseThrow();
        String ahead = String.format("_p%04d_%02d", today.plusMonths(3).getYear(), today.plusMonths(3).getMonthValue());
        assertThat(partitions("events")).contains("events" + ahead);
        assertThat(partitions("ad_stats_daily")).contains("ad_stats_daily" + ahead);
    }

    private List<String> partitions(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c"
                     + " ON c.oid = i.inhrelid WHERE i.inhparent = '" + table + "'::regclass ORDER BY c.relname")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private boolean citus() throws SQLException {
        return count("SELECT count(*) FROM pg_extension WHERE extname = 'citus'") > 0;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.connection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
