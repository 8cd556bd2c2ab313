package io.quarry.planner.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ReportParser;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A zone given as an offset buckets events exactly like the named zone with that offset (and
 * like Java does from the raw timestamps). PostgreSQL reads {@code '+05:45'} as text as a POSIX
 * zone, west of Greenwich: the planner must not pass it that way.
 */
class TimeZoneTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "+05:45, Asia/Kathmandu",
        "UTC+05:45, Asia/Kathmandu",
        "+05:30, Asia/Kolkata",
        "GMT+5, Asia/Karachi",
        "Etc/GMT-5, Asia/Karachi",
        "-09:30, Pacific/Marquesas",
        "-04:00, America/Caracas",
        "+00:00, UTC",
        "Z, Etc/UTC",
    })
    void anOffsetBucketsEventsLikeTheNamedZoneWithThatOffset(String offset, String named) throws SQLException {
        LocalDate from = LocalDate.of(2026, 6, 1);
        LocalDate to = LocalDate.of(2026, 6, 10);
        List<Map<String, Object>> byOffset = eventsPerDay(offset, from, to);
        List<Map<String, Object>> byName = eventsPerDay(named, from, to);
        assertThat(byOffset).isNotEmpty().isEqualTo(byName);
        assertThat(byOffset).isEqualTo(expected(ZoneId.of(named), from, to));
    }

    private static List<Map<String, Object>> eventsPerDay(String zone, LocalDate from, LocalDate to)
            throws SQLException {
        PlannedQuery query = PlannerTestData.get().planner.plan(new ReportParser().parseText(
                "FROM events DIMENSIONS date.day METRICS event_count WHERE date BETWEEN DATE '" + from
                        + "' AND DATE '" + to + "' TIMEZONE '" + zone + "'"), TenantScope.of(1L), Map.of());
        return PlannerTestData.get().run(query);
    }

    /** Events per local day in the zone, computed in Java from every raw event of account 1. */
    private static List<Map<String, Object>> expected(ZoneId zone, LocalDate from, LocalDate to) throws SQLException {
        Map<LocalDate, Long> counts = new TreeMap<>();
        for (Map<String, Object> row : PlannerTestData.get().query(
                "SELECT created_at FROM events WHERE account_id = 1")) {
            LocalDate day = ((Timestamp) row.get("created_at")).toInstant().atZone(zone).toLocalDate();
            if (!day.isBefore(from) && !day.isAfter(to)) {
                counts.merge(day, 1L, Long::sum);
            }
        }
        return counts.entrySet().stream().map(entry -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date.day", Date.valueOf(entry.getKey()));
            row.put("event_count", entry.getValue());
            return row;
        }).toList();
    }
}
