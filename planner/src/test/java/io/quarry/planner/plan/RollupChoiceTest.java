package io.quarry.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.model.ModelLoader;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.PlannerLimits;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aggregate awareness as a table: a report, what the rollups hold and whether hll is installed,
 * and the source the planner's first step names with its reason (a rollup, or the facts and why
 * each rollup of the dataset cannot answer).
 */
class RollupChoiceTest {

    private static final SemanticModel MODEL = ModelLoader.defaultModel();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final RollupCoverage ALL = new RollupCoverage(MODEL.rollups().stream()
            .collect(Collectors.toMap(Rollup::name, r -> Instant.MAX)));
    private static final String APRIL_MAY = "WHERE date BETWEEN DATE '2026-04-01' AND DATE '2026-05-31'";

    static Stream<Arguments> cases() {
        return Stream.of(
                row("DIMENSIONS date.month METRICS spend, ctr " + APRIL_MAY, ALL, false,
                        "rollup ad_stats_account_monthly"),
                row("DIMENSIONS campaign.status, date.quarter METRICS spend, cpc " + APRIL_MAY, ALL, false,
                        "rollup ad_stats_campaign_monthly"),
                row("DIMENSIONS campaign.name, date.month METRICS clicks WHERE date BETWEEN DATE '2026-04-02' AND"
                        + " DATE '2026-05-31'", ALL, false, "rollup ad_stats_campaign_daily"),
                row("DIMENSIONS campaign.name, date.week METRICS clicks " + APRIL_MAY, ALL, false,
                        "rollup ad_stats_campaign_daily"),
                row("DIMENSIONS ad.name METRICS clicks " + APRIL_MAY, ALL, false,
                        "the facts: ad_stats_account_monthly does not keep column ad_id"),
                row("DIMENSIONS campaign.name METRICS avg(spend) AS s " + APRIL_MAY, ALL, false,
                        "has no measure for avg(spend)"),
                row("DIMENSIONS campaign.name METRICS spend " + APRIL_MAY + " AND campaign.status = 'ACTIVE'", ALL, false,
                        "rollup ad_stats_campaign_monthly"),
                row("DIMENSIONS event.name, date.day METRICS event_count " + APRIL_MAY + " TIMEZONE 'Europe/Helsinki'",
                        ALL, false, "rollup events_hourly"),
                row("DIMENSIONS event.name, date.day METRICS event_count " + APRIL_MAY + " TIMEZONE 'Asia/Kolkata'",
                        ALL, false, "Asia/Kolkata is not a whole number of hours from UTC"),
                row("DIMENSIONS event.name METRICS unique_users " + APRIL_MAY, ALL, false,
                        "cannot merge distinct counts: the hll extension is not installed"),
                row("DIMENSIONS event.name METRICS unique_users " + APRIL_MAY, ALL, true, "rollup events_hourly"),
                row("DIMENSIONS campaign.name METRICS clicks " + APRIL_MAY,
                        coverage(Instant.parse("2026-05-10T00:00:00Z")), false,
                        "lacks rows ingested since its last run (from 2026-05-10T00:00:00Z)"),
                row("DIMENSIONS campaign.name METRICS clicks WHERE date BETWEEN DATE '2026-04-01' AND DATE '2026-05-09'",
                        coverage(Instant.parse("2026-05-10T00:00:00Z")), false, "rollup ad_stats_campaign_daily"),
                row("DIMENSIONS campaign.name METRICS clicks WHERE date DURING LAST_30_DAYS", ALL, false,
                        "rollup ad_stats_campaign_daily"),
                row("DIMENSIONS campaign.name METRICS clicks " + APRIL_MAY, RollupCoverage.NONE, false,
                        "ad_stats_account_monthly is not built yet"),
                row("METRICS spend " + APRIL_MAY + " COMPARE PREVIOUS_PERIOD", ALL, false,
                        "rollup ad_stats_account_monthly"),
                row("DIMENSIONS date.month METRICS clicks, spend " + APRIL_MAY + " CURRENCY 'EUR'", ALL, false,
                        "rollup ad_stats_campaign_daily"),
                row("DIMENSIONS campaign.name METRICS spend " + APRIL_MAY + " CURRENCY 'EUR'", RollupCoverage.NONE, false,
                        "ad_stats_account_monthly is by month, the report converts money at each day's rate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesTheSourceItReads(String report, RollupCoverage coverage, boolean hll, String expected) {
        Planner planner = new Planner(MODEL, CLOCK, PlannerLimits.DEFAULT, hll);
        PlannedQuery query = planner.plan(new ReportParser().parseText(report), TenantScope.of(1L), Map.of(),
                io.quarry.planner.resolve.ReportOutput.AS_WRITTEN, coverage);
        assertThat(query.steps().get(0).description()).contains("reads ").contains(expected);
        if (expected.startsWith("rollup ")) {
            String table = expected.substring("rollup ".length());
            assertThat(query.sql().sql()).contains("FROM \"" + table + "\"");
            assertThat(query.steps().get(0).tables()).contains(table);
        }
    }

    private static RollupCoverage coverage(Instant exactBefore) {
        return new RollupCoverage(MODEL.rollups().stream().collect(Collectors.toMap(Rollup::name, r -> exactBefore)));
    }

    private static Arguments row(String report, RollupCoverage coverage, boolean hll, String expected) {
        return Arguments.of(report, coverage, hll, expected);
    }

}
