package io.quarry.planner.model;

import java.util.Locale;
import java.util.Optional;

/** Calendar buckets of the time dimension, in the report's time zone. */
public enum TimeGrain {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The {@code date_trunc} field name. */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimeGrain> find(String name) {
        for (TimeGrain grain : values()) {
            if (grain.field().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }
}
