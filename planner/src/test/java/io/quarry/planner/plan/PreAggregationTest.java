package io.quarry.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.resolve.ReportOutput;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which base CTEs aggregate the facts before joining dimension tables, and which read them row
 * by row. Whether the answers stay the same is the oracles' job (ReportCombinationsTest,
 * CurrencyTest, the API's adversarial suite); this is the plan's shape.
 */
class PreAggregationTest {

    private static final Planner PLANNER = new Planner(ModelLoader.defaultModel(),
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC));
    private static final String RANGE = " WHERE date BETWEEN DATE '2026-04-01' AND DATE '2026-05-31'";
    private static final String DERIVED = "FROM (\n      SELECT \"ad_stats\".\"account_id\" AS \"account_id\"";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "DIMENSIONS campaign.status, date.month METRICS spend, clicks, ctr | true | a joined entity by month",
        "DIMENSIONS campaign.name METRICS spend, cpc                       | true | a joined entity, no time",
        "DIMENSIONS ad.format, date.week METRICS impressions, clicks       | true | a joined entity by week",
        "DIMENSIONS campaign.status, date.day METRICS spend                | false | daily facts by day: nothing to gain",
        "DIMENSIONS date.month METRICS spend, clicks                       | false | no join to avoid",
        "FROM ad_stats DIMENSIONS campaign.status METRICS count(DISTINCT ad.id) AS ads | false | a distinct count does not re-aggregate",
        "DIMENSIONS campaign.status METRICS avg(spend) AS average           | false | an average does not re-aggregate"})
    void aBaseCteAggregatesBeforeJoiningOnlyWhereThatReaggregatesExactlyAndShrinksTheRows(
            String report, boolean pre, String why) {
        PlannedQuery query = plan(report + RANGE, Map.of());
        assertThat(query.sql().sql().contains(DERIVED)).as(why + "\n" + query.sql().sql()).isEqualTo(pre);
        assertThat(query.steps().get(0).description().contains("before joining")).as(why).isEqualTo(pre);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "event.name = 'purchase' AND campaign.status = 'ACTIVE' | true",
        "(event.name = 'purchase' OR campaign.status = 'ACTIVE') | false"})
    void aFilterOnTheFactsGoesInsideAndOneMixingFactsAndJoinedTablesKeepsTheRowByRowRead(String filter, boolean pre) {
        String sql = plan("DIMENSIONS campaign.name, date.month METRICS event_count WHERE " + filter
                + " AND date BETWEEN DATE '2026-04-01' AND DATE '2026-05-31'", Map.of()).sql().sql();
        String derived = "FROM (\n      SELECT \"events\".\"account_id\" AS \"account_id\"";
        assertThat(sql.contains(derived)).as(sql).isEqualTo(pre);
        if (pre) {
            assertThat(sql.indexOf("\"events\".\"name\" = ")).as("the fact filter, inside").isBetween(
                    sql.indexOf(derived), sql.indexOf(") AS \"events\""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"DIMENSIONS campaign.status, date.month METRICS spend, cpc CURRENCY 'EUR'"})
    void convertedMoneyIsConvertedInsideThePreAggregationAtEachRowsDay(String report) {
        String sql = plan(report.replace(" CURRENCY", RANGE + " CURRENCY"), Map.of(1L, "USD", 2L, "GBP")).sql().sql();
        int derived = sql.indexOf(DERIVED);
        int rates = sql.indexOf("JOIN \"exchange_rates\" AS \"fx_from\"");
        int campaigns = sql.indexOf("JOIN \"campaigns\" AS \"campaign\"");
        assertThat(derived).as(sql).isPositive();
        assertThat(rates).as("the rates join the fact rows, inside").isBetween(derived, campaigns);
    }

    /**
     * The joins that only bring the rows' currency and rates are left joins, pre-aggregated or
     * not (they keep PostgreSQL's row estimate; see ExchangeRates); an entity the report needs
     * anyway keeps its inner join.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DIMENSIONS campaign.status, date.month METRICS spend CURRENCY 'EUR'  | LEFT JOIN",
        "FROM ad_stats DIMENSIONS ad.id, date.day METRICS spend CURRENCY 'EUR' | LEFT JOIN",
        "DIMENSIONS account.name, date.day METRICS spend CURRENCY 'EUR'        | JOIN"})
    void theCurrencyPathAndTheRatesAreLeftJoinsUnlessTheReportNeedsTheEntity(String report, String accountJoin) {
        String sql = plan(report.replace(" CURRENCY", RANGE + " CURRENCY"), Map.of(1L, "USD", 2L, "GBP")).sql().sql();
        assertThat(sql).contains("LEFT JOIN \"exchange_rates\" AS \"fx_from\"", "LEFT JOIN \"exchange_rates\" AS \"fx_to\"");
        if (accountJoin.equals("LEFT JOIN")) {
            // A tenant read on the optional side carries its filter inside: (SELECT ... ) AS "account".
            assertThat(sql).contains(") AS \"account\" ON").doesNotContain("JOIN \"accounts\" AS \"account\"");
        } else {
            assertThat(sql).contains(" JOIN \"accounts\" AS \"account\" ON").doesNotContain(") AS \"account\" ON");
        }
    }

    private static PlannedQuery plan(String report, Map<Long, String> currencies) {
        return PLANNER.plan(new ReportParser().parseText(report), TenantScope.of(1L, 2L), Map.of(),
                ReportOutput.AS_WRITTEN, RollupCoverage.NONE, currencies);
    }
}
