package io.quarry.api.reports;

import io.quarry.planner.model.TimeGrain;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;

/**
 * The display label of a pivot header value, by the time grain of its dimension: {@code 2026-08-03}
 * for a day, the ISO week {@code 2026-W32} for a week, {@code 2026-08} for a month,
 * {@code 2026-Q3} for a quarter, {@code 2026} for a year; other values as their text, and
 * {@code (none)} for a null (rows without the dimension's value, e.g. events of no campaign).
 */
final class HeaderLabels {

    static final String NONE = "(none)";

    private HeaderLabels() {
    }

    /** The labels of one header: a value per dimension, with the grain of each dimension. */
    static List<String> of(List<Object> values, List<Optional<TimeGrain>> grains) {
        return java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> label(values.get(i), grains.get(i))).toList();
    }

    static String label(Object value, Optional<TimeGrain> grain) {
        if (value == null) {
            return NONE;
        }
        LocalDate day = grain.isPresent() ? day(value) : null;
        if (day == null) {
            return String.valueOf(value);
        }
        return switch (grain.get()) {
            case DAY -> day.toString();
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
            case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(day.getYear());
        };
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
