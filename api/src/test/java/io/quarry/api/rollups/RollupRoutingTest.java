package io.quarry.api.rollups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.quarry.api.rollups.RollupRefresher.Outcome;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ingest -> refresh -> reports answered from the rollups with exactly the facts' values (checked
 * against SQL on the raw tables), and read from the facts while a rollup lacks rows: late rows,
 * rows written outside the ingest API. On PostgreSQL and on Citus.
 */
@MicronautTest
class RollupRoutingTest extends RollupApiTest {

    private static final String BY_DAY = "DIMENSIONS date.day METRICS impressions, clicks, spend, conversions "
            + MAY + " ORDER BY date.day TIMEZONE 'UTC'";
    private static final String BY_DAY_SQL = "SELECT to_char(day, 'YYYY-MM-DD'), sum(impressions), sum(clicks),"
            + " sum(spend), sum(conversions) FROM ad_stats_daily WHERE account_id = ?"
            + " AND day BETWEEN DATE '2026-05-01' AND DATE '2026-05-31' GROUP BY day ORDER BY day";
    private static final String EVENTS_BY_DAY = "DIMENSIONS event.name, date.day METRICS event_count " + MAY
            + " ORDER BY event.name, date.day TIMEZONE 'America/New_York'";
    private static final String EVENTS_BY_DAY_SQL = "SELECT name, to_char(created_at AT TIME ZONE 'America/New_York',"
            + " 'YYYY-MM-DD'), count(*) FROM events WHERE account_id = ?"
            + " AND created_at >= TIMESTAMP '2026-05-01' AT TIME ZONE 'America/New_York'"
            + " AND created_at < TIMESTAMP '2026-06-01' AT TIME ZONE 'America/New_York' GROUP BY 1, 2 ORDER BY 1, 2";

    /** Ad stats of four ads in two campaigns on {@code days}, as CSV. */
    static String adStats(long account, int... days) {
        StringBuilder csv = new StringBuilder("account_id,ad_id,day,ad_set_id,campaign_id,impressions,clicks,spend,"
                + "conversions\n");
        for (int day : days) {
            for (int ad = 1; ad <= 4; ad++) {
                csv.append(account).append(',').append(ad).append(",2026-05-").append(String.format("%02d", day))
                        .append(',').append(10 + ad).append(',').append(ad % 2 + 1).append(',')
                        .append(day * 100 + ad).append(',').append(ad).append(',').append(ad).append(".25,")
                        .append(ad % 3).append('\n');
            }
        }
        return csv.toString();
    }

    /** Events every 40 minutes from {@code from} on, of three names, some without a campaign, as NDJSON. */
    static String events(long account, long firstId, String from, int count) {
        StringBuilder ndjson = new StringBuilder();
        Instant start = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            String name = List.of("purchase", "page_view", "sign_up").get(i % 3);
            String campaign = i % 4 == 0 ? "null" : String.valueOf(i % 2 + 1);
            ndjson.append("{\"account_id\": ").append(account).append(", \"event_id\": ").append(firstId + i)
                    .append(", \"created_at\": \"").append(start.plusSeconds(2400L * i)).append("\", \"name\": \"")
                    .append(name).append("\", \"user_id\": ").append(i % 7).append(", \"campaign_id\": ")
                    .append(campaign).append("}\n");
        }
        return ndjson.toString();
    }

    @Test
    void ingestedRowsAreAnsweredFromTheRollupsWithTheFactsValues() throws SQLException {
        long account = 9_300_001L;
        String token = calls.writer("rollup-routing", List.of(account));
        calls.ingest("ad-stats", CSV, adStats(account, 10, 11, 12), token);
        calls.ingest("events", NDJSON, events(account, 1, "2026-05-10T20:10:00Z", 30), token);
        List<Outcome> outcomes = refresh();
        assertThat(outcomes).extracting(Outcome::rollup).contains("ad_stats_campaign_daily", "events_hourly");

        assertThat(calls.explain(BY_DAY, token)).contains("reads rollup ad_stats_campaign_daily");
        List<List<String>> byDay = Facts.query(BY_DAY_SQL, account);
        assertThat(byDay).hasSize(3);
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);

        String byMonth = "DIMENSIONS date.month METRICS impressions, spend " + MAY;
        assertThat(calls.explain(byMonth, token)).contains("reads rollup ad_stats_account_monthly");
        assertThat(calls.rows(byMonth, token)).isEqualTo(Facts.query("SELECT '2026-05-01', sum(impressions),"
                + " sum(spend) FROM ad_stats_daily WHERE account_id = ? AND day >= DATE '2026-05-01'"
                + " AND day < DATE '2026-06-01'", account));

        assertThat(calls.explain(EVENTS_BY_DAY, token)).contains("reads rollup events_hourly");
        List<List<String>> events = Facts.query(EVENTS_BY_DAY_SQL, account);
        assertThat(events).hasSizeGreaterThan(3);
        assertThat(calls.rows(EVENTS_BY_DAY, token)).isEqualTo(events);
    }

    @Test
    void lateRowsAreReadFromTheFactsUntilTheRollupIsRefreshed() throws SQLException {
        long account = 9_300_002L;
        String token = calls.writer("rollup-late", List.of(account));
        calls.ingest("ad-stats", CSV, adStats(account, 20, 21), token);
        calls.ingest("events", NDJSON, events(account, 1, "2026-05-20T08:00:00Z", 12), token);
        refresh();
        assertThat(calls.explain(BY_DAY, token)).contains("reads rollup ad_stats_campaign_daily");
        assertThat(calls.explain(EVENTS_BY_DAY, token)).contains("reads rollup events_hourly");

        calls.ingest("ad-stats", CSV, adStats(account, 3), token);
        calls.ingest("events", NDJSON, events(account, 100, "2026-05-02T10:15:00Z", 2), token);
        assertThat(state("ad_stats_campaign_daily").get(0)).isEqualTo("2026-05-03T00:00:00");
        assertThat(state("events_hourly").get(0)).isEqualTo("2026-05-02T10:15:00");
        assertThat(calls.explain(BY_DAY, token)).contains("reads the facts")
                .contains("ad_stats_campaign_daily lacks rows ingested since its last run (from 2026-05-03T00:00:00Z)");
        assertThat(calls.explain(EVENTS_BY_DAY, token)).contains("reads the facts")
                .contains("events_hourly lacks rows ingested since its last run (from 2026-05-02T10:15:00Z)");
        List<List<String>> byDay = Facts.query(BY_DAY_SQL, account);
        assertThat(byDay).hasSize(3).first().asList().first().isEqualTo("2026-05-03");
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);
        List<List<String>> events = Facts.query(EVENTS_BY_DAY_SQL, account);
        assertThat(events).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("2026-05-02"));
        assertThat(calls.rows(EVENTS_BY_DAY, token)).isEqualTo(events);

        refresh();
        assertThat(calls.explain(BY_DAY, token)).contains("reads rollup ad_stats_campaign_daily");
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);
        assertThat(calls.explain(EVENTS_BY_DAY, token)).contains("reads rollup events_hourly");
        assertThat(calls.rows(EVENTS_BY_DAY, token)).isEqualTo(events);
    }

    @Test
    void aWriterOutsideTheIngestApiMarksTheRollupsDirtyWithTheDocumentedUpdate() throws SQLException {
        long account = 9_300_005L;
        String token = calls.writer("rollup-outside", List.of(account));
        calls.ingest("ad-stats", CSV, adStats(account, 14), token);
        refresh();
        try (Connection connection = TestDatabase.get().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ad_stats_daily (account_id, ad_id,"
                    + " day, ad_set_id, campaign_id, impressions, clicks, spend) VALUES (?, 9, DATE '2026-05-08', 1, 2,"
                    + " 5000, 50, 99.5)");
                 PreparedStatement mark = connection.prepareStatement("UPDATE quarry_rollup_state"
                         + " SET dirty_from = least(coalesce(dirty_from, 'infinity'), ?) WHERE dataset = ?")) {
                insert.setLong(1, account);
                insert.executeUpdate();
                mark.setObject(1, LocalDate.of(2026, 5, 8).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
                mark.setString(2, "ad_stats");
                mark.executeUpdate();
            }
            connection.commit();
        }
        assertThat(calls.explain(BY_DAY, token)).contains("reads the facts");
        List<List<String>> byDay = Facts.query(BY_DAY_SQL, account);
        assertThat(byDay).hasSize(2);
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);
        refresh();
        assertThat(calls.explain(BY_DAY, token)).contains("reads rollup ad_stats_campaign_daily");
        assertThat(calls.rows(BY_DAY, token)).isEqualTo(byDay);
    }

    @Test
    void distinctCountsMergeHllSketchesFromTheRollupOnlyWhereHllIsInstalled() throws SQLException {
        long account = 9_300_004L;
        String token = calls.writer("rollup-distinct", List.of(account));
        calls.ingest("events", NDJSON, events(account, 1, "2026-05-12T03:00:00Z", 60), token);
        refresh();
        String report = "DIMENSIONS event.name METRICS unique_users, event_count " + MAY
                + " ORDER BY event.name TIMEZONE 'UTC'";
        String explain = calls.explain(report, token);
        if (hll()) {
            assertThat(explain).contains("reads rollup events_hourly");
        } else {
            assertThat(explain).contains("reads the facts")
                    .contains("events_hourly cannot merge distinct counts: the hll extension is not installed");
        }
        // Few users: an hll sketch holds them explicitly, so the approximate count is exact here.
        List<List<String>> expected = Facts.query("SELECT name, count(DISTINCT user_id), count(*) FROM events"
                + " WHERE account_id = ? GROUP BY name ORDER BY name", account);
        assertThat(expected).hasSize(3);
        assertThat(calls.rows(report, token)).isEqualTo(expected);
    }

    @Test
    void distinctCountsOfManyUsersMergedAcrossRollupRowsStayWithinTwoPercent() throws SQLException {
        long account = 9_300_011L;
        String token = calls.writer("rollup-hll", List.of(account));
        StringBuilder ndjson = new StringBuilder();
        Instant start = Instant.parse("2026-05-13T00:00:00Z");
        for (int i = 0; i < 12_000; i++) {
            ndjson.append("{\"account_id\": ").append(account).append(", \"event_id\": ").append(i)
                    .append(", \"created_at\": \"").append(start.plusSeconds(13L * i)).append("\", \"name\": \"")
                    .append(i % 2 == 0 ? "page_view" : "purchase").append("\", \"user_id\": ").append(i % 11_000)
                    .append("}\n");
        }
        calls.ingest("events", NDJSON, ndjson.toString(), token);
        refresh();
        String report = "METRICS unique_users, event_count " + MAY + " TIMEZONE 'UTC'";
        long exact = Long.parseLong(Facts.value("SELECT count(DISTINCT user_id) FROM events WHERE account_id = ?",
                account));
        assertThat(exact).isEqualTo(11_000);
        long answered = Long.parseLong(calls.rows(report, token).get(0).get(0));
        if (hll()) {
            // 12,000 rows in ~44 hourly rollup rows per name: the total merges ~88 sketches.
            assertThat(calls.explain(report, token)).contains("reads rollup events_hourly");
            assertThat((double) answered).isCloseTo(exact, withPercentage(2));
        } else {
            assertThat(answered).isEqualTo(exact);
        }
    }

    private static boolean hll() throws SQLException {
        return "t".equals(Facts.value("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hll')"));
    }
}
