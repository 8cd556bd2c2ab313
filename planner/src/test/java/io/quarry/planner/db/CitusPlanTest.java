package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.sql.JdbcBinder;
import io.quarry.ql.ReportParser;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On a Citus coordinator (QUARRY_TEST_DATABASE_URL), a single-account report is a router query:
 * every distributed step of its plan runs as one task. Skipped on plain PostgreSQL.
 */
class CitusPlanTest {

    private static final Pattern TASKS = Pattern.compile("Task Count: (\\d+)");

    @Test
    void aSingleAccountReportRunsAsOneTaskPerStep() throws Exception {
        assumeTrue(TestDatabase.get().citus(), "the test database is not a Citus coordinator");
        PlannerTestData data = PlannerTestData.get();
        PlannedQuery query = data.planner.plan(new ReportParser().parseText("""
                DIMENSIONS campaign.name, date.week
                METRICS spend, ctr, event_count
                WHERE date DURING LAST_30_DAYS
                TOTALS GRAND
                """), Set.of(1L), Map.of());
        List<Integer> counts = new ArrayList<>();
        try (Connection connection = data.dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query.sql().sql())) {
            JdbcBinder.bind(explain, query.sql().binds());
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    Matcher matcher = TASKS.matcher(rs.getString(1));
                    if (matcher.find()) {
                        counts.add(Integer.parseInt(matcher.group(1)));
                    }
                }
            }
        }
        assertThat(counts).isNotEmpty().allSatisfy(count -> assertThat(count).isEqualTo(1));
    }
}
