package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.RollupGrain;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.resolve.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a rollup's time buckets divide a report's: its buckets must fall whole into the
 * report's buckets and range in the report's zone. A date column's days and months are the
 * same in every zone; a timestamp column's buckets are cut in UTC, so hours divide local days
 * only while the zone's offset is a whole number of hours, and days or months only in UTC.
 */
final class RollupTime {

    /** Where an open range is checked from and to: no fact row lies outside (no partition does). */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private RollupTime() {
    }

    static Optional<String> refusal(RollupGrain grain, Dataset dataset, ZoneId zone, TimeRange range, int shiftDays,
                                    Set<TimeGrain> reportGrains) {
        if (grain == RollupGrain.MONTH) {
            if (reportGrains.contains(TimeGrain.DAY) || reportGrains.contains(TimeGrain.WEEK)) {
                return Optional.of("is by month, the report buckets or filters by day or week");
            }
            if (!monthStart(range.from()) || !monthStart(range.to())) {
                return Optional.of("is by month, the report's range does not start and end on a month");
            }
            if (shiftDays != 0) {
                return Optional.of("is by month, the comparison period shifts by days");
            }
        }
        if (dataset.timeType() == ColumnType.DATE) {
            return Optional.empty();
        }
        int step = grain == RollupGrain.HOUR ? 3600 : 0;
        Instant from = range.from() == null ? EARLIEST : range.from().atStartOfDay(zone).toInstant();
        Instant to = range.to() == null ? LATEST : range.to().atStartOfDay(zone).toInstant();
        if (!offsetsDivide(zone.getRules(), from, to, step)) {
            return Optional.of(step == 0 ? "is cut in UTC, the report is in " + zone
                    : "is by hour, " + zone + " is not a whole number of hours from UTC throughout the range");
        }
        return Optional.empty();
    }

    private static boolean monthStart(LocalDate day) {
        return day == null || day.getDayOfMonth() == 1;
    }

    /** Whether every offset of the zone in [from, to) is a multiple of step seconds (zero when step is 0). */
    private static boolean offsetsDivide(ZoneRules rules, Instant from, Instant to, int step) {
        if (!divides(rules.getOffset(from).getTotalSeconds(), step)) {
            return false;
        }
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            if (!divides(next.getOffsetAfter().getTotalSeconds(), step)) {
                return false;
            }
            next = rules.nextTransition(next.getInstant());
        }
        return true;
    }

    private static boolean divides(int seconds, int step) {
        return step == 0 ? seconds == 0 : seconds % step == 0;
    }
}
