package io.quarry.api.adversarial;

import io.quarry.api.TestDatabaseProperties;
import io.quarry.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Rows of an account that no token of the adversarial suite may read, with unmistakable values:
 * account {@value #ACCOUNT} gets a copy of every campaign, ad set and ad of the demo accounts
 * under the same ids (so a join that forgets {@code account_id} pairs them with the real rows),
 * daily statistics of enormous figures on the demo days and on the days before today (where
 * relative ranges look), and events of the real event names and real user ids. Added once per
 * test JVM, after the demo data; other tests never name this account, so they never see it.
 */
final class Sentinel {

    /** The sentinel account: no other test uses it, and no token of the suite names it. */
    static final long ACCOUNT = 9_000_001L;
    static final String MARK = "ZZ SENTINEL";
    static final String EVENT = "zz_sentinel_event";
    static final long IMPRESSIONS = 777_777_777L;
    static final long CLICKS = 77_777_777L;
    static final String SPEND = "7777777.7777";

    private static final Pattern LEAK = Pattern.compile("(?i)zz[ _]sentinel|(?<![0-9.])9000001(?![0-9])"
            + "|(?<![0-9.])7777777\\.7777|(?<![0-9.])777777777(?![0-9.])");
    private static boolean added;

    private Sentinel() {
    }

    /** Whether a response body shows anything of the sentinel account (a name, its id, its figures). */
    static boolean leaks(String body) {
        return body != null && LEAK.matcher(body).find();
    }

    /** As {@link #leaks(String)}, not counting what the request itself said (a constant echoed back). */
    static boolean leaks(String body, String request) {
        java.util.regex.Matcher matcher = LEAK.matcher(body);
        while (matcher.find()) {
            if (!request.contains(matcher.group())) {
                return true;
            }
        }
        return false;
    }

    /** The first sign of the sentinel in a body, with some text around it. */
    static String leakContext(String body) {
        java.util.regex.Matcher matcher = LEAK.matcher(body);
        if (!matcher.find()) {
            return "";
        }
        return "..." + body.substring(Math.max(0, matcher.start() - 200), Math.min(body.length(), matcher.end() + 200))
                + "...";
    }

    /** Loads the demo data if needed, then the sentinel rows (once per JVM). */
    static synchronized void ensure() throws SQLException {
        if (added) {
            return;
        }
        TestDatabaseProperties.ensureDemoData();
        DataSource data = TestDatabase.get().dataSource();
        try (Connection connection = data.getConnection()) {
            if (!exists(connection)) {
                insert(connection);
                TestDatabaseProperties.markRollupsUnbuilt();
            }
        }
        added = true;
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM accounts WHERE account_id = ?")) {
            statement.setLong(1, ACCOUNT);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void insert(Connection connection) throws SQLException {
        execute(connection, "INSERT INTO accounts (account_id, name, currency, country, timezone) VALUES ("
                + ACCOUNT + ", '" + MARK + " ACCOUNT', 'JPY', 'SG', 'Asia/Singapore')");
        batch(connection, "INSERT INTO campaigns (account_id, campaign_id, name, status, objective, country, currency,"
                        + " daily_budget, start_date) VALUES (" + ACCOUNT + ", ?, ?, ?, ?, 'SG', 'JPY', 77777.77,"
                        + " DATE '2025-01-01')",
                rows(connection, "SELECT campaign_id, '" + MARK + " CAMPAIGN ' || campaign_id, status, objective"
                        + " FROM campaigns WHERE account_id <> " + ACCOUNT));
        batch(connection, "INSERT INTO ad_sets (account_id, ad_set_id, campaign_id, name, status, optimization_goal,"
                        + " country) VALUES (" + ACCOUNT + ", ?, ?, ?, ?, ?, 'SG')",
                rows(connection, "SELECT ad_set_id, campaign_id, '" + MARK + " AD SET ' || ad_set_id, status,"
                        + " optimization_goal FROM ad_sets WHERE account_id <> " + ACCOUNT));
        List<Object[]> ads = rows(connection, "SELECT ad_id, ad_set_id, campaign_id, '" + MARK + " AD ' || ad_id,"
                + " status, format FROM ads WHERE account_id <> " + ACCOUNT);
        batch(connection, "INSERT INTO ads (account_id, ad_id, ad_set_id, campaign_id, name, status, format)"
                + " VALUES (" + ACCOUNT + ", ?, ?, ?, ?, ?, ?)", ads);
        List<Object[]> stats = new ArrayList<>();
        for (LocalDate day : days()) {
            for (Object[] ad : ads) {
                stats.add(new Object[] {ad[0], java.sql.Date.valueOf(day), ad[1], ad[2]});
            }
        }
        batch(connection, "INSERT INTO ad_stats_daily (account_id, ad_id, day, ad_set_id, campaign_id, impressions,"
                + " reach, clicks, spend, conversions, conversion_value, video_views) VALUES (" + ACCOUNT + ", ?, ?, ?, ?, "
                + IMPRESSIONS + ", " + IMPRESSIONS + ", " + CLICKS + ", " + SPEND + ", 7777777, " + SPEND
                + ", 777777) ON CONFLICT DO NOTHING", stats);
        batch(connection, "INSERT INTO events (account_id, event_id, created_at, name, user_id, campaign_id, ad_id)"
                + " VALUES (" + ACCOUNT + ", ?, ?, ?, ?, ?, ?)", events(connection, ads));
    }

    /** Every seventh demo day, the first and last, and the 40 days up to today (relative ranges). */
    private static List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = TestDatabaseProperties.LAST_DAY;
        for (LocalDate day = last.minusDays(59); !day.isAfter(last); day = day.plusDays(7)) {
            days.add(day);
        }
        days.add(last);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate day = today.minusDays(40); !day.isAfter(today.plusDays(1)); day = day.plusDays(3)) {
            days.add(day);
        }
        return days;
    }

    /**
     * Events under the real event names and the sentinel's own, by real user ids and the ids of
     * the copied campaigns and ads (some unattributed), at every hour of the demo range's last
     * days and of the days before today (so every time zone's day boundaries see some).
     */
    private static List<Object[]> events(Connection connection, List<Object[]> ads) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Object[] row : rows(connection, "SELECT DISTINCT name FROM events ORDER BY 1")) {
            names.add((String) row[0]);
        }
        names.add(EVENT);
        List<Long> users = new ArrayList<>();
        for (Object[] row : rows(connection, "SELECT DISTINCT user_id FROM events WHERE user_id IS NOT NULL"
                + " ORDER BY 1 LIMIT 300")) {
            users.add(((Number) row[0]).longValue());
        }
        users.add(ACCOUNT * 10_000_000L);
        List<Object[]> events = new ArrayList<>();
        Instant[] starts = {TestDatabaseProperties.LAST_DAY.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant(),
            LocalDate.now(ZoneOffset.UTC).minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant()};
        long id = 1;
        for (Instant start : starts) {
            for (int hour = 0; hour < 24 * 21; hour += 5) {
                Object[] ad = ads.get((int) (id % ads.size()));
                boolean attributed = id % 4 != 0;
                events.add(new Object[] {id, Timestamp.from(start.plusSeconds(hour * 3600L + 59)),
                    names.get((int) (id % names.size())), users.get((int) (id % users.size())),
                    attributed ? ad[2] : null, attributed ? ad[0] : null});
                id++;
            }
        }
        return events;
    }

    private static List<Object[]> rows(Connection connection, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
