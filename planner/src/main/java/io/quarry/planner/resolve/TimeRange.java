package io.quarry.planner.resolve;

import java.time.LocalDate;

/** A half-open range of days [from, to) in the report's time zone; either end may be open (null). */
public record TimeRange(LocalDate from, LocalDate to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange intersect(TimeRange other) {
        LocalDate start = from == null ? other.from : other.from == null ? from : max(from, other.from);
        LocalDate end = to == null ? other.to : other.to == null ? to : min(to, other.to);
        return new TimeRange(start, end);
    }

    public boolean empty() {
        return from != null && to != null && !from.isBefore(to);
    }

    public long days() {
        return from == null || to == null ? -1 : to.toEpochDay() - from.toEpochDay();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
