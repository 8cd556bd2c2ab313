package io.quarry.api.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The job on its own: an ingest batch's rollups refresh a debounce after it commits, with no
 * schedule involved; a scheduled run re-rolls the lookback, so rows written outside the ingest
 * API without marking the rollups are counted.
 */
@MicronautTest
class RollupJobTest extends RollupApiTest {

    private static final String BY_DAY = "DIMENSIONS date.day METRICS impressions, clicks " + MAY
            + " ORDER BY date.day TIMEZONE 'UTC'";
    private static final String BY_DAY_SQL = "SELECT to_char(day, 'YYYY-MM-DD'), sum(impressions), sum(clicks)"
            + " FROM ad_stats_daily WHERE account_id = ? AND day BETWEEN DATE '2026-05-01' AND DATE '2026-05-31'"
            + " GROUP BY day ORDER BY day";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("quarry.rollups.debounce", "300ms");
        properties.put("quarry.rollups.lookback", "400d"); // back past May 2026 from the test's today
        return properties;
    }

    @Test
    void anIngestBatchIsRolledUpADebounceAfterItCommits() throws Exception {
        long account = 9_300_008L;
        String token = calls.writer("rollup-debounce", List.of(account));
        calls.ingest("ad-stats", CSV, RollupRoutingTest.adStats(account, 26, 27), token);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!calls.explain(BY_DAY, token).contains("reads rollup ad_stats_campaign_daily")) {
            assertThat(System.nanoTime()).as("refreshed within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(state("ad_stats_campaign_daily")).containsOnlyNulls();
        List<List<String>> byDay = Facts.query(BY_DAY_SQL, account);
        assertThat(byDay).hasSize(2);
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);
    }

    @Test
    void aScheduledRunCountsRowsWrittenOutsideTheIngestApiWithinTheLookback() throws SQLException {
        long account = 9_300_009L;
        String token = calls.writer("rollup-lookback", List.of(account));
        calls.ingest("ad-stats", CSV, RollupRoutingTest.adStats(account, 18), token);
        refresh();
        Facts.execute("INSERT INTO ad_stats_daily (account_id, ad_id, day, ad_set_id, campaign_id, impressions, clicks)"
                + " VALUES (?, 7, DATE '2026-05-19', 1, 1, 700, 7)", account);
        List<List<String>> byDay = Facts.query(BY_DAY_SQL, account);
        assertThat(byDay).hasSize(2);
        assertThat(calls.explain(BY_DAY, token)).as("unmarked, the rollup looks complete")
                .contains("reads rollup ad_stats_campaign_daily");
        assertThat(calls.rows(BY_DAY, token)).as("and lacks the row").hasSize(1);

        assertThat(maintenance.scheduled()).hasSize(model.rollups().size());
        assertThat(calls.explain(BY_DAY, token)).contains("reads rollup ad_stats_campaign_daily");
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);
    }
}
