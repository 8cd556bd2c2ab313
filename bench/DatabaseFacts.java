package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmark's database is: its data directory, version, Citus if any, and the size and skew of its data. */
final class DatabaseFacts {

    private DatabaseFacts() {
    }

    /** Fails unless the database serves {@code expected}: another PostgreSQL on the port holds other data. */
    static void requireDataDirectory(DirectJdbc jdbc, Path expected) throws Exception {
        try (Connection connection = jdbc.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            Path actual = Path.of(rs.getString(1));
            if (!Files.isSameFile(actual, expected)) {
                throw new IllegalStateException(jdbc.url() + " serves " + actual + ", not the benchmark's " + expected);
            }
        }
    }

    static Map<String, Object> of(DirectJdbc jdbc) throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        try (Connection connection = jdbc.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), version()")) {
                rs.next();
                facts.put("serverVersion", rs.getString(1));
                facts.put("version", rs.getString(2));
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT count(*), sum(n), max(n), min(n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n),
                           sum(n) FILTER (WHERE account_id <= 10), sum(n) FILTER (WHERE account_id <= 100),
                           max(n) FILTER (WHERE account_id = 7)
                    FROM (SELECT account_id, count(*) AS n FROM ad_stats_daily GROUP BY account_id) per_account""")) {
                rs.next();
                facts.put("accountsWithFacts", rs.getLong(1));
                facts.put("factRows", rs.getLong(2));
                facts.put("factRowsLargestAccount", rs.getLong(3));
                facts.put("factRowsSmallestAccount", rs.getLong(4));
                facts.put("factRowsMedianAccount", rs.getLong(5));
                facts.put("factRowsTop10Share", rs.getDouble(6) / rs.getDouble(2));
                facts.put("factRowsTop100Share", rs.getDouble(7) / rs.getDouble(2));
                facts.put("factRowsAccount7", rs.getLong(8));
            }
            try (ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM accounts),"
                    + " (SELECT count(*) FROM events), (SELECT min(day) FROM ad_stats_daily), (SELECT max(day) FROM ad_stats_daily)")) {
                rs.next();
                facts.put("accounts", rs.getLong(1));
                facts.put("eventRows", rs.getLong(2));
                facts.put("firstDay", rs.getString(3));
                facts.put("lastDay", rs.getString(4));
            }
            facts.putAll(CitusCoordinator.facts(statement));
        }
        return facts;
    }
}
