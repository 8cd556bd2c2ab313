package io.quarry.api.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code quarry.rollups.enabled=false}: built rollups are not read, and an ingest batch is not
 * rolled up (its rollups are still marked dirty, so turning routing on again never reads them
 * stale).
 */
@MicronautTest
class RollupsDisabledTest extends RollupApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("quarry.rollups.enabled", "false");
        properties.put("quarry.rollups.debounce", "10ms");
        return properties;
    }

    @Test
    void reportsReadTheFactsAndIngestOnlyMarksTheRollupsDirty() throws SQLException, InterruptedException {
        long account = 9_300_010L;
        String token = calls.writer("rollups-off", List.of(account));
        String report = "DIMENSIONS date.day METRICS spend " + MAY + " TIMEZONE 'UTC'";
        assertThat(Facts.query("SELECT rollup FROM quarry_rollup_state WHERE dirty_from IS NULL"))
                .as("built rollups").hasSize(model.rollups().size());
        assertThat(calls.explain(report, token)).contains("reads the facts")
                .doesNotContain("reads rollup");

        calls.ingest("ad-stats", CSV, RollupRoutingTest.adStats(account, 9), token);
        Thread.sleep(500);
        assertThat(state("ad_stats_campaign_daily").get(0)).isEqualTo("2026-05-09T00:00:00");
        List<List<String>> expected = Facts.query("SELECT to_char(day, 'YYYY-MM-DD'), sum(spend) FROM ad_stats_daily"
                + " WHERE account_id = ? GROUP BY day", account);
        assertThat(expected).hasSize(1);
        assertThat(calls.rows(report, token)).isEqualTo(expected);
        refresh();
    }
}
