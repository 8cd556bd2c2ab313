package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** COMPARE: the previous period's figures beside the current ones, bucket by bucket. */
class CompareTest {

    @Test
    void previousPeriodPerCampaignMatchesTheRawRows() throws SQLException {
        List<Map<String, Object>> rows = run("""
                DIMENSIONS campaign.id
                METRICS spend, clicks
                WHERE date DURING LAST_30_DAYS
                COMPARE PREVIOUS_PERIOD
                """);
        Map<Long, BigDecimal> current = spendByCampaign("2026-05-16", "2026-06-15");
        Map<Long, BigDecimal> previous = spendByCampaign("2026-04-16", "2026-05-16");
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            Long id = (Long) row.get("campaign.id");
            assertThat(decimalOrNull(row.get("spend"))).as("current %s", id).isEqualTo(scaled(current.get(id)));
            assertThat(decimalOrNull(row.get("spend_previous"))).as("previous %s", id).isEqualTo(scaled(previous.get(id)));
            if (current.get(id) != null && previous.get(id) != null && previous.get(id).signum() != 0) {
                // A change is a fraction rounded to the percent format's scale (6 places).
                BigDecimal change = current.get(id).subtract(previous.get(id)).divide(previous.get(id), 6, RoundingMode.HALF_UP);
                assertThat((BigDecimal) row.get("spend_change")).isEqualByComparingTo(change);
            } else {
                assertThat(row.get("spend_change")).isNull();
            }
        }
        Set<Long> expectedCampaigns = new HashSet<>(current.keySet());
        expectedCampaigns.addAll(previous.keySet());
        assertThat(rows).hasSize(expectedCampaigns.size());
    }

    @Test
    void dailyBucketsLineUpWithTheDayOnePeriodEarlier() throws SQLException {
        List<Map<String, Object>> rows = run("""
                DIMENSIONS date.day
                METRICS spend
                WHERE date DURING LAST_7_DAYS
                COMPARE PREVIOUS_PERIOD
                """);
        assertThat(rows).hasSize(7);
        for (Map<String, Object> row : rows) {
            LocalDate day = ((Date) row.get("date.day")).toLocalDate();
            BigDecimal expected = spendOn(day.minusDays(7));
            assertThat(decimalOrNull(row.get("spend_previous"))).as("%s", day).isEqualTo(scaled(expected));
        }
    }

    @Test
    void aPeriodWithoutDataComparesWithNulls() throws SQLException {
        List<Map<String, Object>> rows = run("""
                METRICS spend, ctr
                WHERE date DURING LAST_30_DAYS
                COMPARE SAME_PERIOD_LAST_YEAR
                """);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("spend")).isNotNull();
        assertThat(rows.get(0).get("spend_previous")).isNull();
        assertThat(rows.get(0).get("ctr_change")).isNull();
    }

    private static List<Map<String, Object>> run(String report) throws SQLException {
        PlannedQuery query = PlannerTestData.get().planner.plan(new ReportParser().parseText(report),
                TenantScope.of(1L, 2L, 6L), Map.of());
        return PlannerTestData.get().run(query);
    }

    private static Map<Long, BigDecimal> spendByCampaign(String from, String to) throws SQLException {
        Map<Long, BigDecimal> spend = new HashMap<>();
        for (Map<String, Object> row : PlannerTestData.get().query("SELECT campaign_id, spend FROM ad_stats_daily"
                + " WHERE account_id IN (1, 2, 6) AND day >= DATE '" + from + "' AND day < DATE '" + to + "'")) {
            spend.merge((Long) row.get("campaign_id"), (BigDecimal) row.get("spend"), BigDecimal::add);
        }
        return spend;
    }

    private static BigDecimal spendOn(LocalDate day) throws SQLException {
        Object value = PlannerTestData.get().query("SELECT sum(spend) AS s FROM ad_stats_daily WHERE account_id IN"
                + " (1, 2, 6) AND day = DATE '" + day + "'").get(0).get("s");
        return (BigDecimal) value;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal decimalOrNull(Object value) {
        return value == null ? null : ((BigDecimal) value).setScale(4, RoundingMode.UNNECESSARY);
    }
}
