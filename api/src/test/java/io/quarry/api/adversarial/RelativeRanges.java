package io.quarry.api.adversarial;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The relative ranges of {@code date DURING ...} as docs/query-language.md defines them, in the
 * suite's own words: LAST_N_DAYS are the N whole days before today, THIS_* include today.
 */
final class RelativeRanges {

    static final List<String> NAMES = List.of("TODAY", "YESTERDAY", "LAST_7_DAYS", "LAST_14_DAYS", "LAST_28_DAYS",
            "LAST_30_DAYS", "LAST_90_DAYS", "THIS_WEEK", "LAST_WEEK", "THIS_MONTH", "LAST_MONTH", "THIS_QUARTER",
            "LAST_QUARTER", "THIS_YEAR", "LAST_YEAR");

    private RelativeRanges() {
    }

    /** The half-open range [first, end) of local days. */
    static LocalDate[] resolve(String name, LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate year = today.withDayOfYear(1);
        LocalDate tomorrow = today.plusDays(1);
        if (name.startsWith("LAST_") && name.endsWith("_DAYS")) {
            int days = Integer.parseInt(name.substring(5, name.length() - 5));
            return range(today.minusDays(days), today);
        }
        return switch (name) {
            case "TODAY" -> range(today, tomorrow);
            case "YESTERDAY" -> range(today.minusDays(1), today);
            case "THIS_WEEK" -> range(monday, tomorrow);
            case "LAST_WEEK" -> range(monday.minusWeeks(1), monday);
            case "THIS_MONTH" -> range(month, tomorrow);
            case "LAST_MONTH" -> range(month.minusMonths(1), month);
            case "THIS_QUARTER" -> range(quarter, tomorrow);
            case "LAST_QUARTER" -> range(quarter.minusMonths(3), quarter);
            case "THIS_YEAR" -> range(year, tomorrow);
            case "LAST_YEAR" -> range(year.minusYears(1), year);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static LocalDate[] range(LocalDate first, LocalDate end) {
        return new LocalDate[] {first, end};
    }
}
