package io.quarry.api.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time ranges the existing partitions of a fact table cover, read from the catalog at the
 * start of each batch: a row outside every partition is refused with its line (422) before COPY,
 * instead of failing the whole COPY with "no partition of relation found for row". Ranges are in
 * epoch microseconds (a date as its UTC midnight), the bounds as PostgreSQL prints them in UTC.
 */
final class PartitionRanges {

    private static final Pattern BOUNDS = Pattern.compile("FROM \\('([^']+)'\\) TO \\('([^']+)'\\)");
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern("X").toFormatter();

    /** Range start -> range end, both inclusive-exclusive epoch microseconds. */
    private final TreeMap<Long, Long> ranges;
    private final String earliest;
    private final String latest;

    private PartitionRanges(TreeMap<Long, Long> ranges, String earliest, String latest) {
        this.ranges = ranges;
        this.earliest = earliest;
        this.latest = latest;
    }

    /** The partitions of {@code table} (in the connection's current schema); the session zone must be UTC. */
    static PartitionRanges of(Connection connection, String table) throws SQLException {
        TreeMap<Long, Long> ranges = new TreeMap<>();
        String earliest = null;
        String latest = null;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = to_regclass(?)""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Matcher bounds = BOUNDS.matcher(rs.getString(1));
                    if (bounds.find()) {
                        long from = micros(bounds.group(1));
                        long to = micros(bounds.group(2));
                        ranges.put(from, to);
                        earliest = earliest == null || from < micros(earliest) ? bounds.group(1) : earliest;
                        latest = latest == null || to > micros(latest) ? bounds.group(2) : latest;
                    }
                }
            }
        }
        return new PartitionRanges(ranges, earliest, latest);
    }

    /** Whether a partition holds the time {@code micros}. */
    boolean covers(long micros) {
        Map.Entry<Long, Long> range = ranges.floorEntry(micros);
        return range != null && micros < range.getValue();
    }

    /** Says which range exists, for the error of a row outside it. */
    String describe() {
        if (ranges.isEmpty()) {
            return "the table has no partitions";
        }
        return "partitions cover " + shorten(earliest) + " to " + shorten(latest) + " (exclusive)"
                + (contiguous() ? "" : ", with gaps");
    }

    private boolean contiguous() {
        Long end = null;
        for (Map.Entry<Long, Long> range : ranges.entrySet()) {
            if (end != null && !end.equals(range.getKey())) {
                return false;
            }
            end = range.getValue();
        }
        return true;
    }

    private static String shorten(String bound) {
        return bound.length() >= 10 ? bound.substring(0, 10) : bound;
    }

    private static long micros(String bound) {
        if (bound.length() == 10) {
            return LocalDate.parse(bound).toEpochDay() * 86_400_000_000L;
        }
        OffsetDateTime time = OffsetDateTime.parse(bound, TIMESTAMP);
        return time.toEpochSecond() * 1_000_000L + time.getNano() / 1_000;
    }
}
