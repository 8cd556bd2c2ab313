package io.quarry.api.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.TestDatabaseProperties;
import io.quarry.api.rollups.RollupRefresher.Outcome;
import io.quarry.planner.model.Rollup;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The refresh itself on the real database: idempotent (re-rolling everything again, or
 * rebuilding from scratch, gives the same rows), a failing refresh leaves the rollup as it was
 * and dirty and is retried, and the metrics say so.
 */
@MicronautTest
class RollupRefreshTest extends RollupApiTest {

    private static final String BY_DAY = "DIMENSIONS date.day METRICS impressions, spend " + MAY
            + " ORDER BY date.day TIMEZONE 'UTC'";
    private static final String BY_DAY_SQL = "SELECT to_char(day, 'YYYY-MM-DD'), sum(impressions), sum(spend)"
            + " FROM ad_stats_daily WHERE account_id = ? AND day BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'"
            + " GROUP BY day ORDER BY day";

    private List<List<String>> contents() throws SQLException {
        List<List<String>> tables = new ArrayList<>();
        for (Rollup rollup : model.rollups()) {
            List<String> rows = Facts.content(rollup.name());
            assertThat(rows).as(rollup.name()).isNotEmpty();
            tables.add(rows);
        }
        return tables;
    }

    @Test
    void reRollingEverythingAgainOrRebuildingGivesTheSameRows() throws SQLException {
        long account = 9_300_003L;
        String token = calls.writer("rollup-idempotent", List.of(account));
        calls.ingest("ad-stats", CSV, RollupRoutingTest.adStats(account, 5, 6), token);
        calls.ingest("events", NDJSON, RollupRoutingTest.events(account, 1, "2026-05-05T10:00:00Z", 20), token);
        refresh();
        List<List<String>> refreshed = contents();

        List<Outcome> again = maintenance.run(model.rollups(), Optional.of(Instant.EPOCH));
        assertThat(again).hasSize(model.rollups().size());
        assertThat(contents()).isEqualTo(refreshed);
        maintenance.run(model.rollups(), Optional.of(Instant.EPOCH));
        assertThat(contents()).isEqualTo(refreshed);

        TestDatabaseProperties.markRollupsUnbuilt();
        assertThat(refresh()).allSatisfy(outcome -> assertThat(outcome.from()).isEmpty()).hasSize(4);
        assertThat(contents()).isEqualTo(refreshed);
    }

    @Test
    void aFailedRefreshLeavesTheRollupAsItWasAndDirtyAndTheNextRunRepairsIt() throws SQLException {
        long account = 9_300_006L;
        String token = calls.writer("rollup-failure", List.of(account));
        calls.ingest("ad-stats", CSV, RollupRoutingTest.adStats(account, 16), token);
        refresh();
        List<String> before = Facts.content("ad_stats_campaign_daily");
        double failuresBefore = failures("ad_stats_campaign_daily");

        // A constraint the rollup's next insert breaks: account 9300006's campaign 2 on May 17 sums to 4242.
        Facts.execute("ALTER TABLE ad_stats_campaign_daily ADD CONSTRAINT rollup_test_refusal"
                + " CHECK (account_id <> 9300006 OR impressions <> 4242) NOT VALID");
        try {
            calls.ingest("ad-stats", CSV, "account_id,ad_id,day,ad_set_id,campaign_id,impressions,spend\n"
                    + account + ",1,2026-05-17,11,2,4000,1.5\n" + account + ",3,2026-05-17,13,2,242,2.5\n", token);
            List<Outcome> outcomes = maintenance.run(model.rollups(), Optional.empty());
            assertThat(outcomes).extracting(Outcome::rollup)
                    .containsExactlyInAnyOrder("ad_stats_account_monthly", "ad_stats_campaign_monthly");
            assertThat(Facts.content("ad_stats_campaign_daily")).as("the rollup as it was").isEqualTo(before);
            List<String> state = state("ad_stats_campaign_daily");
            assertThat(state.get(0)).isEqualTo("2026-05-17T00:00:00");
            assertThat(state.get(1)).contains("rollup_test_refusal");
            assertThat(failures("ad_stats_campaign_daily")).isEqualTo(failuresBefore + 1);

            assertThat(calls.explain(BY_DAY, token)).contains("reads the facts").contains(
                    "ad_stats_campaign_daily lacks rows ingested since its last run (from 2026-05-17T00:00:00Z)");
            List<List<String>> byDay = Facts.query(BY_DAY_SQL, account);
            assertThat(byDay).hasSize(2).last().asList().contains("2026-05-17");
            assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);
        } finally {
            Facts.execute("ALTER TABLE ad_stats_campaign_daily DROP CONSTRAINT IF EXISTS rollup_test_refusal");
        }
        assertThat(refresh()).extracting(Outcome::rollup).containsExactly("ad_stats_campaign_daily");
        assertThat(state("ad_stats_campaign_daily")).containsOnlyNulls();
        assertThat(calls.explain(BY_DAY, token)).contains("reads rollup ad_stats_campaign_daily");
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(Facts.query(BY_DAY_SQL, account));
    }

    @Test
    void metricsGiveEachRollupsLagRowsAndRefreshTimes() throws SQLException {
        long account = 9_300_007L;
        String token = calls.writer("rollup-metrics", List.of(account));
        calls.ingest("events", NDJSON, RollupRoutingTest.events(account, 1, "2026-05-25T00:00:00Z", 5), token);
        refresh();
        String clean = calls.prometheus();
        assertThat(gauge(clean, "quarry_rollup_lag_seconds", "events_hourly")).isZero();
        assertThat(gauge(clean, "quarry_rollup_rows", "events_hourly")).isEqualTo(
                Double.parseDouble(Facts.value("SELECT refresh_rows FROM quarry_rollup_state"
                        + " WHERE rollup = 'events_hourly'"))).isPositive();
        assertThat(gauge(clean, "quarry_rollup_refresh_seconds_count", "events_hourly")).isPositive();

        calls.ingest("events", NDJSON, RollupRoutingTest.events(account, 100, "2026-05-24T00:00:00Z", 1), token);
        double lag = gauge(calls.prometheus(), "quarry_rollup_lag_seconds", "events_hourly");
        assertThat(lag).isGreaterThan(Instant.parse("2026-05-24T00:00:00Z").until(Instant.now(), ChronoUnit.SECONDS)
                - 60.0);
        refresh();
        assertThat(gauge(calls.prometheus(), "quarry_rollup_lag_seconds", "events_hourly")).isZero();
    }

    private double failures(String rollup) {
        String metrics = calls.prometheus();
        return metrics.contains("quarry_rollup_failures_total{rollup=\"" + rollup + "\"")
                ? gauge(metrics, "quarry_rollup_failures_total", rollup) : 0;
    }

    /** The value of a meter with the {@code rollup} tag in a Prometheus scrape. */
    private static double gauge(String scrape, String name, String rollup) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{rollup=\"" + rollup + "\",?} (\\S+)$").matcher(scrape);
        assertThat(value.find()).as(name + " of " + rollup + " in\n" + scrape).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
