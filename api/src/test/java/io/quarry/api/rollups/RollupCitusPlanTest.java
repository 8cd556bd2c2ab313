package io.quarry.api.rollups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarry.api.TestDatabaseProperties;
import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.plan.RollupStatements;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.planner.sql.RenderedSql;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On Citus only (skipped elsewhere; the Citus pass of CI skips nothing): every rollup table is
 * co-located with its facts, and its refresh's INSERT ... SELECT and DELETE run on the workers,
 * shard by co-located shard, never pulled to the coordinator or repartitioned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupCitusPlanTest {

    private static final Logger LOG = LoggerFactory.getLogger(RollupCitusPlanTest.class);

    private final SemanticModel model = ModelLoader.defaultModel();
    private boolean hll;

    @BeforeAll
    void database() throws SQLException {
        if (TestDatabase.get().citus()) {
            TestDatabaseProperties.ensureDemoData();
            hll = "t".equals(Facts.value("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hll')"));
        }
    }

    private static void onCitus() {
        assumeTrue(TestDatabase.get().citus(), "the test database is not a Citus coordinator");
    }

    @Test
    void rollupTablesAreDistributedByAccountAndColocatedWithTheirFacts() throws SQLException {
        onCitus();
        for (Rollup rollup : model.rollups()) {
            String facts = model.dataset(rollup.dataset()).orElseThrow().table();
            List<List<String>> tables = Facts.query("SELECT t.table_name::text, t.distribution_column, t.colocation_id"
                    + " FROM public.citus_tables t WHERE t.table_name IN (?::regclass, ?::regclass)"
                    + " ORDER BY t.table_name = ?::regclass", rollup.name(), facts, facts);
            assertThat(tables).as(rollup.name()).hasSize(2);
            assertThat(tables.get(0).get(1)).isEqualTo("account_id");
            assertThat(tables.get(0).get(2)).as("co-located with " + facts).isEqualTo(tables.get(1).get(2));
        }
    }

    @Test
    void theRefreshRunsOnTheWorkersShardByShard() throws SQLException {
        onCitus();
        for (Rollup rollup : model.rollups()) {
            for (Optional<Instant> from : List.of(Optional.<Instant>empty(), Optional.of(Instant.parse(
                    "2026-05-10T13:00:00Z")))) {
                var refresh = RollupStatements.refresh(model, rollup, from, hll);
                for (RenderedSql statement : List.of(refresh.insert(), refresh.delete())) {
                    String plan = String.join("\n", explain(statement));
                    LOG.info("EXPLAIN of {} (from {}):\n{}\n{}", rollup.name(), from, statement.sql(), plan);
                    assertThat(plan).as(statement.sql()).contains("Custom Scan (Citus Adaptive)")
                            .doesNotContainIgnoringCase("pull to coordinator")
                            .doesNotContainIgnoringCase("repartition")
                            .doesNotContain("INSERT/SELECT method")
                            .containsPattern("Task Count: ([2-9]|\\d\\d+)");
                }
            }
        }
    }

    private static List<String> explain(RenderedSql statement) throws SQLException {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + statement.sql())) {
            JdbcBinder.bind(explain, statement.binds());
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return lines;
        }
    }
}
