package io.quarry.planner.model;

import java.util.Locale;

/**
 * The time bucket of a rollup's rows. Buckets of a timestamp column are cut in UTC: an hourly
 * rollup answers days, weeks and months in any zone whose offsets are whole hours; a daily or
 * monthly rollup of a timestamp column only in UTC. Buckets of a date column are calendar days
 * and months, the same in every zone.
 */
public enum RollupGrain {
    HOUR, DAY, MONTH;

    /** The {@code date_trunc} field name. */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RollupGrain parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown rollup grain '" + name + "' (hour, day, month)");
        }
    }
}
