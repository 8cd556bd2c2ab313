package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.model.FormatScales;
import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.plan.Planner;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quotients come back rounded to their format's scale (ratios, averages, changes); sums and
 * counts stay exact; a model's {@code formats} section changes the scales.
 */
class RoundingTest {

    static final String REPORT = """
            DIMENSIONS campaign.id
            METRICS spend, clicks, ctr, cpc, avg(spend) AS average_spend
            WHERE date BETWEEN DATE '2026-05-01' AND DATE '2026-06-14'
            """;

    @Test
    void quotientsAreRoundedToTheirFormatsScaleAndSumsStayExact() throws SQLException {
        List<Map<String, Object>> rows = run(PlannerTestData.get().planner);
        assertThat(rows).hasSizeGreaterThan(3);
        Map<Long, Map<String, Object>> exact = exactByCampaign();
        for (Map<String, Object> row : rows) {
            Map<String, Object> raw = exact.get((Long) row.get("campaign.id"));
            assertThat((BigDecimal) row.get("spend")).isEqualByComparingTo((BigDecimal) raw.get("spend"));
            assertThat(((BigDecimal) row.get("ctr")).scale()).isLessThanOrEqualTo(6);
            assertThat((BigDecimal) row.get("ctr")).isEqualByComparingTo(rounded(raw.get("ctr"), 6));
            assertThat((BigDecimal) row.get("cpc")).isEqualByComparingTo(rounded(raw.get("cpc"), 4));
            assertThat((BigDecimal) row.get("average_spend")).isEqualByComparingTo(rounded(raw.get("average_spend"), 4));
        }
    }

    @Test
    void aModelsFormatsSectionSetsTheScales() throws Exception {
        String yaml;
        try (InputStream in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_MODEL)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var model = ModelLoader.load(yaml + "\nformats:\n  percent: {scale: 2}\n  currency: {scale: 1}\n", "t");
        assertThat(model.formatScales()).isNotEqualTo(FormatScales.defaults());
        Planner planner = new Planner(model, PlannerTestData.CLOCK);
        Map<Long, Map<String, Object>> exact = exactByCampaign();
        List<Map<String, Object>> rows = run(planner);
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            Map<String, Object> raw = exact.get((Long) row.get("campaign.id"));
            assertThat((BigDecimal) row.get("ctr")).isEqualByComparingTo(rounded(raw.get("ctr"), 2));
            assertThat((BigDecimal) row.get("cpc")).isEqualByComparingTo(rounded(raw.get("cpc"), 1));
        }
    }

    private static List<Map<String, Object>> run(Planner planner) throws SQLException {
        PlannedQuery query = planner.plan(new ReportParser().parseText(REPORT), TenantScope.of(1L, 2L), Map.of());
        return PlannerTestData.get().run(query);
    }

    /** The unrounded figures per campaign, straight from the facts. */
    private static Map<Long, Map<String, Object>> exactByCampaign() throws SQLException {
        Map<Long, Map<String, Object>> byCampaign = new java.util.HashMap<>();
        for (Map<String, Object> row : PlannerTestData.get().query("""
                SELECT campaign_id, sum(spend) AS spend, sum(clicks)::numeric / nullif(sum(impressions), 0) AS ctr,
                       sum(spend)::numeric / nullif(sum(clicks), 0) AS cpc, avg(spend) AS average_spend
                FROM ad_stats_daily
                WHERE account_id IN (1, 2) AND day >= DATE '2026-05-01' AND day < DATE '2026-06-15'
                GROUP BY campaign_id""")) {
            byCampaign.put((Long) row.get("campaign_id"), row);
        }
        return byCampaign;
    }

    private static BigDecimal rounded(Object value, int scale) {
        return value == null ? null : ((BigDecimal) value).setScale(scale, RoundingMode.HALF_UP);
    }
}
