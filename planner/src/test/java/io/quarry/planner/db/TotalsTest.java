package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** TOTALS: subtotal and grand rows, with ratios and distinct counts recomputed, not summed. */
class TotalsTest {

    @Test
    void grandTotalRecomputesRatiosAndDistinctCountsAndIgnoresTheLimit() throws SQLException {
        List<Map<String, Object>> rows = run("""
                FROM ad_stats
                DIMENSIONS campaign.id
                METRICS spend, clicks, impressions, ctr, count(DISTINCT ad.format) AS formats
                WHERE date DURING LAST_30_DAYS
                ORDER BY spend DESC
                LIMIT 3
                TOTALS GRAND
                """);
        List<Map<String, Object>> detail = level(rows, 0);
        List<Map<String, Object>> grand = level(rows, 1);
        assertThat(detail).hasSize(3);
        assertThat(grand).hasSize(1);
        Map<String, Object> total = grand.get(0);
        assertThat(total.get("campaign.id")).isNull();
        List<Map<String, Object>> raw = PlannerTestData.get().query("""
                SELECT sum(s.spend) AS spend, sum(s.clicks) AS clicks, sum(s.impressions) AS impressions,
                       count(DISTINCT a.format) AS formats
                FROM ad_stats_daily s JOIN ads a ON a.account_id = s.account_id AND a.ad_id = s.ad_id
                WHERE s.account_id IN (1, 3, 5) AND s.day >= DATE '2026-05-16' AND s.day < DATE '2026-06-15'""");
        Map<String, Object> expected = raw.get(0);
        assertThat(decimal(total, "spend")).isEqualByComparingTo(decimal(expected, "spend"));
        assertThat(decimal(total, "ctr")).isEqualByComparingTo(
                decimal(expected, "clicks").divide(decimal(expected, "impressions"), 6, RoundingMode.HALF_UP));
        assertThat(((Number) total.get("formats")).longValue()).isEqualTo(((Number) expected.get("formats")).longValue());
        long summedFormats = PlannerTestData.get().query("""
                SELECT count(DISTINCT a.format) AS n FROM ad_stats_daily s
                JOIN ads a ON a.account_id = s.account_id AND a.ad_id = s.ad_id
                WHERE s.account_id IN (1, 3, 5) AND s.day >= DATE '2026-05-16' AND s.day < DATE '2026-06-15'
                GROUP BY s.campaign_id""").stream().mapToLong(r -> ((Number) r.get("n")).longValue()).sum();
        assertThat(summedFormats).as("a summed distinct count would be wrong").isGreaterThan(3);
    }

    @Test
    void subtotalsPerCampaignOverMonthsMatchTheDetailAndTheRawRows() throws SQLException {
        List<Map<String, Object>> rows = run("""
                DIMENSIONS campaign.id, date.month
                METRICS spend, event_count
                WHERE date >= DATE '2026-04-01' AND date < DATE '2026-06-01'
                TOTALS GRAND, SUBTOTALS (campaign.id)
                """);
        List<Map<String, Object>> detail = level(rows, 0);
        List<Map<String, Object>> subtotals = level(rows, 1);
        List<Map<String, Object>> grand = level(rows, 2);
        Map<Object, BigDecimal> spendByCampaign = new HashMap<>();
        for (Map<String, Object> row : detail) {
            if (row.get("spend") != null) {
                spendByCampaign.merge(row.get("campaign.id"), decimal(row, "spend"), BigDecimal::add);
            }
        }
        assertThat(subtotals).anyMatch(row -> row.get("spend") != null);
        assertThat(subtotals).allSatisfy(row -> {
            assertThat(row.get("date.month")).isNull();
            if (row.get("spend") != null) {
                assertThat(decimal(row, "spend")).isEqualByComparingTo(spendByCampaign.get(row.get("campaign.id")));
            }
        });
        Set<Object> campaigns = detail.stream().map(r -> r.get("campaign.id")).collect(Collectors.toCollection(HashSet::new));
        assertThat(subtotals).hasSize(campaigns.size());
        BigDecimal rawSpend = decimal(PlannerTestData.get().query("""
                SELECT sum(spend) AS spend FROM ad_stats_daily
                WHERE account_id IN (1, 3, 5) AND day >= DATE '2026-04-01' AND day < DATE '2026-06-01'""").get(0),
                "spend");
        assertThat(decimal(grand.get(0), "spend")).isEqualByComparingTo(rawSpend);
        long rawEvents = ((Number) PlannerTestData.get().query("""
                SELECT count(*) AS n FROM events WHERE account_id IN (1, 3, 5)
                AND created_at >= TIMESTAMPTZ '2026-04-01 00:00:00+00' AND created_at < TIMESTAMPTZ '2026-06-01 00:00:00+00'""")
                .get(0).get("n")).longValue();
        assertThat(((Number) grand.get(0).get("event_count")).longValue()).isEqualTo(rawEvents);
    }

    private static List<Map<String, Object>> run(String report) throws SQLException {
        PlannedQuery query = PlannerTestData.get().planner.plan(new ReportParser().parseText(report),
                TenantScope.of(1L, 3L, 5L), Map.of());
        return PlannerTestData.get().run(query);
    }

    private static List<Map<String, Object>> level(List<Map<String, Object>> rows, int level) {
        return rows.stream().filter(r -> ((Number) r.get(Level.COLUMN)).intValue() == level).toList();
    }

    private static BigDecimal decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
