package io.quarry.planner.resolve;

import io.quarry.ql.ast.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Turns relative ranges into absolute half-open day ranges [from, to) given today in the
 * report's time zone. LAST_N_DAYS are the N whole days before today; THIS_* include today.
 */
final class DateRanges {

    private DateRanges() {
    }

    static TimeRange resolve(DateRange range, LocalDate today) {
        return switch (range) {
            case TODAY -> new TimeRange(today, today.plusDays(1));
            case YESTERDAY -> new TimeRange(today.minusDays(1), today);
            case LAST_7_DAYS -> new TimeRange(today.minusDays(7), today);
            case LAST_14_DAYS -> new TimeRange(today.minusDays(14), today);
            case LAST_28_DAYS -> new TimeRange(today.minusDays(28), today);
            case LAST_30_DAYS -> new TimeRange(today.minusDays(30), today);
            case LAST_90_DAYS -> new TimeRange(today.minusDays(90), today);
            case THIS_WEEK -> new TimeRange(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today.plusDays(1));
            case LAST_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new TimeRange(monday, monday.plusWeeks(1));
            }
            case THIS_MONTH -> new TimeRange(today.withDayOfMonth(1), today.plusDays(1));
            case LAST_MONTH -> new TimeRange(today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1));
            case THIS_QUARTER -> new TimeRange(quarterStart(today), today.plusDays(1));
            case LAST_QUARTER -> new TimeRange(quarterStart(today).minusMonths(3), quarterStart(today));
            case THIS_YEAR -> new TimeRange(today.withDayOfYear(1), today.plusDays(1));
            case LAST_YEAR -> new TimeRange(today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1));
        };
    }

    private static LocalDate quarterStart(LocalDate day) {
        return day.with(IsoFields.DAY_OF_QUARTER, 1);
    }
}
