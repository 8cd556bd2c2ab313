package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarry.planner.model.Rollup;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.plan.RollupCoverage;
import io.quarry.planner.resolve.PlannerLimits;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Approximate distinct counts: 24,000 distinct users of one account, each seen on both of two
 * days. Where hll is installed (Citus here) the count read from the facts and from the hourly
 * rollup's merged sketches is within 2% of the exact count, per day and for the two days
 * together (a total merges sketches: it is not the sum of the days, which counts everyone
 * twice); without hll it is the exact count.
 */
class HllAccuracyTest {

    private static final long ACCOUNT = 7;
    private static final int USERS = 24_000;
    private static final String REPORT = "DIMENSIONS date.day METRICS unique_users"
            + " WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-02' TOTALS GRAND";

    private static boolean hll;
    private static Planner planner;

    @BeforeAll
    static void twoDaysOfTheSameUsers() throws SQLException {
        PlannerTestData data = PlannerTestData.get();
        hll = data.hll();
        planner = new Planner(data.model, PlannerTestData.CLOCK, PlannerLimits.DEFAULT, hll);
        try (Connection connection = data.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO events (account_id, event_id, created_at, name, user_id)"
                    + " SELECT " + ACCOUNT + ", n, TIMESTAMPTZ '2026-06-01 00:00:00+00' + (n % 2) * interval '1 day'"
                    + " + (n % 24) * interval '1 hour', 'visit', 1000000 + n / 2 FROM generate_series(0, "
                    + (2 * USERS - 1) + ") AS n");
        }
        Rollup hourly = data.model.rollups().stream().filter(r -> r.name().equals("events_hourly")).findFirst()
                .orElseThrow();
        data.refresh(hourly, Optional.of(Instant.parse("2026-06-01T00:00:00Z")), hll);
    }

    @Test
    void distinctUsersFromTheFactsAreWithinTwoPercent() throws SQLException {
        check(RollupCoverage.NONE);
    }

    @Test
    void distinctUsersFromMergedRollupSketchesAreWithinTwoPercent() throws SQLException {
        PlannedQuery query = check(new RollupCoverage(Map.of("events_hourly", Instant.MAX)));
        assertThat(query.sql().sql().contains("FROM \"events_hourly\"")).isEqualTo(hll);
    }

    private static PlannedQuery check(RollupCoverage coverage) throws SQLException {
        PlannedQuery query = planner.plan(new ReportParser().parseText(REPORT), TenantScope.of(ACCOUNT), Map.of(),
                ReportOutput.ROWS, coverage);
        List<List<Object>> rows = PlannerTestData.get().runRows(query);
        assertThat(rows).hasSize(3);
        LoggerFactory.getLogger(HllAccuracyTest.class).info("unique users of {} exact distinct users (hll: {}, {}): {}",
                USERS, hll, coverage.equals(RollupCoverage.NONE) ? "facts" : "rollup", rows);
        for (List<Object> row : rows) {
            long users = ((Number) row.get(1)).longValue();
            if (hll) {
                assertThat((double) users).as(row.toString()).isCloseTo(USERS, within(USERS * 0.02));
            } else {
                assertThat(users).as(row.toString()).isEqualTo(USERS);
            }
        }
        return query;
    }

}
