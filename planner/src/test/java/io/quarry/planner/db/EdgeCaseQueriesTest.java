package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Valid reports whose SQL PostgreSQL used to refuse (a 500 from a good report): each plans, runs
 * on the test database, and gives what the raw rows say.
 */
class EdgeCaseQueriesTest {

    private static final String SPEND_BY_CAMPAIGN = """
            SELECT c.name, sum(s.spend) AS spend, sum(s.clicks) AS clicks FROM ad_stats_daily s
            JOIN campaigns c ON c.account_id = s.account_id AND c.campaign_id = s.campaign_id
            WHERE s.account_id = 1 AND s.day >= DATE '2026-05-16' AND s.day < DATE '2026-06-15' GROUP BY c.name""";

    @Test
    void roundTakesItsPlacesAsAnIntegerAndModuloByZeroIsNull() throws SQLException {
        List<Map<String, Object>> rows = run("""
                DIMENSIONS campaign.name
                METRICS round(sum(spend), 1) AS r1, round(sum(spend)) AS r0, round(sum(clicks), -1) AS tens,
                        sum(spend) % 0 AS m0, sum(clicks) % 7 AS m7, sum(round(spend, 2) % 0) AS row_m0
                WHERE date DURING LAST_30_DAYS""");
        Map<String, Map<String, Object>> raw = PlannerTestData.get().query(SPEND_BY_CAMPAIGN).stream()
                .collect(Collectors.toMap(r -> (String) r.get("name"), r -> r));
        assertThat(rows).hasSize(raw.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> expected = raw.get((String) row.get("campaign.name"));
            BigDecimal spend = (BigDecimal) expected.get("spend");
            BigDecimal clicks = new BigDecimal(expected.get("clicks").toString());
            assertThat((BigDecimal) row.get("r1")).isEqualByComparingTo(spend.setScale(1, RoundingMode.HALF_UP));
            assertThat((BigDecimal) row.get("r0")).isEqualByComparingTo(spend.setScale(0, RoundingMode.HALF_UP));
            assertThat((BigDecimal) row.get("tens")).isEqualByComparingTo(clicks.setScale(-1, RoundingMode.HALF_UP));
            assertThat(row.get("m0")).isNull();
            assertThat(row.get("row_m0")).isNull();
            assertThat(new BigDecimal(row.get("m7").toString())).isEqualByComparingTo(clicks.remainder(BigDecimal.valueOf(7)));
        }
    }

    @Test
    void rowFunctionsNullsAndIntegerArithmeticRun() throws SQLException {
        List<Map<String, Object>> rows = run("""
                FROM ad_stats
                METRICS count(DISTINCT substr(campaign.name, 1, 3)) AS prefixes,
                        sum(CASE WHEN clicks > 0 THEN spend ELSE NULL END) AS paid,
                        sum(coalesce(NULL, clicks) * 9223372036854775807) AS huge,
                        max(lower(campaign.name)) AS last_name, min(concat(ad.format, '/', clicks)) AS first_pair,
                        sum(abs(NULL)) AS nothing, sum(greatest(clicks, NULL, 0)) AS clicks
                WHERE date DURING LAST_30_DAYS""");
        Map<String, Object> expected = PlannerTestData.get().query("""
                SELECT count(DISTINCT substr(c.name, 1, 3)) AS prefixes, sum(s.spend) FILTER (WHERE s.clicks > 0) AS paid,
                       sum(s.clicks::numeric * 9223372036854775807) AS huge, max(lower(c.name)) AS last_name,
                       sum(s.clicks) AS clicks
                FROM ad_stats_daily s
                JOIN campaigns c ON c.account_id = s.account_id AND c.campaign_id = s.campaign_id
                WHERE s.account_id = 1 AND s.day >= DATE '2026-05-16' AND s.day < DATE '2026-06-15'""").get(0);
        Map<String, Object> row = rows.get(0);
        assertThat(((Number) row.get("prefixes")).longValue()).isEqualTo(((Number) expected.get("prefixes")).longValue());
        assertThat((BigDecimal) row.get("paid")).isEqualByComparingTo((BigDecimal) expected.get("paid"));
        assertThat((BigDecimal) row.get("huge")).isEqualByComparingTo((BigDecimal) expected.get("huge"));
        assertThat(row.get("last_name")).isEqualTo(expected.get("last_name"));
        assertThat((String) row.get("first_pair")).contains("/");
        assertThat(row.get("nothing")).isNull();
        assertThat(new BigDecimal(row.get("clicks").toString()))
                .isEqualByComparingTo(new BigDecimal(expected.get("clicks").toString()));
    }

    @Test
    void aStringAggregateStitchedWithAnotherDatasetKeepsItsType() throws SQLException {
        List<Map<String, Object>> rows = run("""
                FROM ad_stats
                DIMENSIONS date.day
                METRICS max(lower(campaign.name)) AS last_name, event_count
                WHERE date DURING LAST_7_DAYS""");
        assertThat(rows).hasSize(7).allSatisfy(row -> assertThat(row.get("last_name")).isInstanceOf(String.class));
    }

    @Test
    void longNamesThatDifferInTheirFirst63BytesRun() throws SQLException {
        // PostgreSQL keeps 63 bytes of a name; with COMPARE, metric names keep 54 so that _previous fits.
        String dimension = "Campaign name, as the advertiser typed it into the campaign editor";
        String metric = "Spend in the account currency, before taxes and fees";
        List<Map<String, Object>> rows = run("DIMENSIONS campaign.name AS \"" + dimension + "\" METRICS spend AS \""
                + metric + "\", clicks WHERE date DURING LAST_30_DAYS ORDER BY \"" + metric + "\" DESC TOTALS GRAND"
                + " COMPARE PREVIOUS_PERIOD");
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).keySet()).hasSize(8); // the dimension, two metrics three times, the level
    }

    @Test
    void theMostColumnsPostgresqlReturns() throws SQLException {
        String metrics = IntStream.rangeClosed(1, 1663).mapToObj(i -> "clicks AS c" + i).collect(Collectors.joining(", "));
        List<Map<String, Object>> rows = run("METRICS " + metrics + " WHERE date DURING YESTERDAY TOTALS GRAND");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).hasSize(1664).containsEntry("c1663", rows.get(0).get("c1"));
    }

    @Test
    void aRangeWithoutAnEndEndsToday() throws SQLException {
        assertThat(run("METRICS spend, clicks WHERE date >= DATE '2026-06-01'"))
                .isEqualTo(run("METRICS spend, clicks WHERE date BETWEEN DATE '2026-06-01' AND DATE '2026-06-15'"));
    }

    @Test
    void backslashesInPatternsAndTheEndsOfTheSupportedDates() throws SQLException {
        assertThat(run("DIMENSIONS campaign.name METRICS spend WHERE campaign.name LIKE '%\\\\' AND date DURING"
                + " LAST_7_DAYS")).isEmpty();
        assertThat(run("METRICS spend WHERE date BETWEEN DATE '9999-12-01' AND DATE '9999-12-31'").get(0).get("spend"))
                .isNull();
        assertThat(run("FROM events DIMENSIONS date.month METRICS event_count WHERE date BETWEEN DATE '0001-01-01'"
                + " AND DATE '0010-12-31' COMPARE PREVIOUS_PERIOD TIMEZONE 'Europe/Helsinki'")).isEmpty();
        assertThat(run("FROM events METRICS event_count WHERE date BETWEEN DATE '9990-01-01' AND DATE '9999-12-31'"
                + " COMPARE SAME_PERIOD_LAST_YEAR TIMEZONE 'Pacific/Kiritimati'").get(0).get("event_count")).isEqualTo(0L);
    }

    private static List<Map<String, Object>> run(String report) throws SQLException {
        PlannedQuery query = PlannerTestData.get().planner.plan(new ReportParser().parseText(report), TenantScope.of(1L),
                Map.of());
        return PlannerTestData.get().run(query);
    }
}
