package io.quarry.migrations.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.migrations.Migrator;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads demo data into the test database through COPY and checks its shape with SQL. */
class DemoDataLoadTest {

    static final LocalDate END = LocalDate.of(2026, 6, 30);
    static final DemoDataSpec SPEC = new DemoDataSpec(11, 12, 8, 2, 3, 120, END, 30);

    static DataSource dataSource;
    static LoadResult result;
    static SQLException failure;
    static long rowsLeftByFailure;

    @BeforeAll
    static void load() throws SQLException {
        dataSource = TestDatabase.get().dataSource();
        new Migrator(dataSource).migrate();
        DemoDataLoader loader = new DemoDataLoader(dataSource);
        assertThat(loader.hasLoaded()).isFalse();
        failPartWay(loader);
        result = loader.load(SPEC, 2);
    }

    /** One fact connection fails (a constraint rejects account 3's rows) after others wrote theirs. */
    private static void failPartWay(DemoDataLoader loader) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE ad_stats_daily ADD CONSTRAINT reject_account_3 CHECK (account_id <> 3)");
            try {
                loader.load(SPEC, 2);
            } catch (SQLException e) {
                failure = e;
            } finally {
                statement.execute("ALTER TABLE ad_stats_daily DROP CONSTRAINT reject_account_3");
            }
            rowsLeftByFailure = 0;
            for (String table : List.of("accounts", "campaigns", "ad_sets", "ads", "ad_stats_daily",
                    "events", "demo_data_loads")) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    rowsLeftByFailure += rs.getLong(1);
                }
            }
        }
    }

    @Test
    void aLoadThatFailsPartWayLeavesNothingBehind() {
        assertThat((Throwable) failure).isNotNull().hasMessageContaining("reject_account_3");
        assertThat(rowsLeftByFailure).isZero();
    }

    @Test
    void reportsWhatItLoaded() throws SQLException {
        assertThat(new DemoDataLoader(dataSource).hasLoaded()).isTrue();
        for (String table : result.rows().keySet()) {
            assertThat(number("SELECT count(*) FROM " + table)).as(table).isEqualTo(result.rows().get(table));
        }
        assertThat(result.rows().get("accounts")).isEqualTo(12);
        assertThat(result.rows().get("ad_stats_daily")).isGreaterThan(10_000);
        assertThat(result.rows().get("events")).isGreaterThan(1_000);
        assertThat(number("SELECT fact_rows FROM demo_data_loads")).isEqualTo(result.rows().get("ad_stats_daily"));
    }

    @Test
    void refusesToLoadIntoTablesThatHoldData() throws SQLException {
        long before = number("SELECT count(*) FROM ad_stats_daily");
        assertThatThrownBy(() -> new DemoDataLoader(dataSource).load(SPEC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only into empty tenant tables");
        assertThat(number("SELECT count(*) FROM ad_stats_daily")).isEqualTo(before);
        assertThat(number("SELECT count(*) FROM demo_data_loads")).isEqualTo(1);
    }

    @Test
    void factsStayInsideTheDateRangeAndReferToTheirAdHierarchy() throws SQLException {
        assertThat(text("SELECT min(day) || '/' || max(day) FROM ad_stats_daily"))
                .isEqualTo(SPEC.startDate() + "/" + END);
        assertThat(number("""
                SELECT count(*) FROM ad_stats_daily s
                LEFT JOIN ads a ON a.account_id = s.account_id AND a.ad_id = s.ad_id
                     AND a.ad_set_id = s.ad_set_id AND a.campaign_id = s.campaign_id
                WHERE a.ad_id IS NULL""")).isZero();
    }

    @Test
    void accountSizesAreSkewedWithAccountOneAmongTheLargest() throws SQLException {
        assertThat(number("""
                SELECT rank FROM (SELECT account_id, rank() OVER (ORDER BY count(*) DESC) AS rank
                                  FROM ad_stats_daily GROUP BY account_id) ranked
                WHERE account_id = 1""")).as("rank of account 1 by fact rows").isLessThanOrEqualTo(3);
        double ratio = decimal("""
                WITH sizes AS (SELECT account_id, count(*) AS n FROM ad_stats_daily GROUP BY account_id)
                SELECT max(n)::float8 / percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM sizes""");
        assertThat(ratio).as("largest / median account rows").isGreaterThan(2.5);
    }

    @Test
    void ratesArePlausible() throws SQLException {
        double ctr = decimal("SELECT sum(clicks)::float8 / sum(impressions) FROM ad_stats_daily");
        double conversionRate = decimal("SELECT sum(conversions)::float8 / sum(clicks) FROM ad_stats_daily");
        double cpmUsdAccounts = decimal("""
                SELECT sum(s.spend) * 1000 / sum(s.impressions) FROM ad_stats_daily s
                JOIN accounts a ON a.account_id = s.account_id WHERE a.currency = 'USD'""");
        assertThat(ctr).as("CTR").isBetween(0.003, 0.03);
        assertThat(conversionRate).as("conversion rate").isBetween(0.005, 0.15);
        assertThat(cpmUsdAccounts).as("CPM in USD").isBetween(2.0, 20.0);
        assertThat(number("SELECT count(*) FROM ad_stats_daily WHERE clicks > impressions"
                + " OR conversions > clicks OR reach > impressions")).isZero();
    }

    @Test
    void weekendsAreQuieterThanWeekdays() throws SQLException {
        double ratio = decimal("""
                SELECT (sum(impressions) FILTER (WHERE extract(isodow FROM day) IN (6, 7)) / 2.0)
                     / (sum(impressions) FILTER (WHERE extract(isodow FROM day) IN (2, 3)) / 2.0)
                FROM ad_stats_daily""");
        assertThat(ratio).isBetween(0.6, 0.9);
    }

    @Test
    void pausedCampaignsStopDeliveringAndAdsHaveGaps() throws SQLException {
        assertThat(number("""
                SELECT count(*) FROM campaigns c
                WHERE c.status = 'PAUSED'
                  AND (SELECT max(day) FROM ad_stats_daily s
                       WHERE s.account_id = c.account_id AND s.campaign_id = c.campaign_id) < DATE '2026-06-20'""" ))
                .isPositive();
        assertThat(number("""
                SELECT count(*) FROM ad_stats_daily s JOIN campaigns c
                  ON c.account_id = s.account_id AND c.campaign_id = s.campaign_id
                WHERE s.day < c.start_date OR s.day > c.end_date""")).isZero();
        double coverage = decimal("""
                SELECT sum(n)::float8 / sum(span) FROM (
                    SELECT count(*) AS n, max(day) - min(day) + 1 AS span
                    FROM ad_stats_daily GROUP BY account_id, ad_id) per_ad""");
        assertThat(coverage).as("share of days in an ad's run that have a row").isBetween(0.9, 0.99);
    }

    @Test
    void eventsHaveNamesUsersAndJsonData() throws SQLException {
        assertThat(number("SELECT count(DISTINCT name) FROM events")).isEqualTo(6);
        assertThat(number("SELECT count(*) FROM events WHERE data ->> 'device' IS NULL")).isZero();
        assertThat(number("SELECT count(*) FROM events WHERE name = 'purchase' AND (data ->> 'value') IS NULL"))
                .isZero();
        assertThat(number("SELECT count(*) FROM events WHERE user_id / 10000000 <> account_id")).isZero();
        assertThat(number("""
                SELECT count(*) FROM events e LEFT JOIN ads a ON a.account_id = e.account_id AND a.ad_id = e.ad_id
                WHERE e.ad_id IS NOT NULL AND a.ad_id IS NULL""")).isZero();
    }

    private static long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static double decimal(String sql) throws SQLException {
        return Double.parseDouble(text(sql));
    }

    private static String text(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
