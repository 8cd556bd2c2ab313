package io.quarry.planner.model;

import java.util.Locale;

/** How a base metric aggregates a column of its dataset. */
public enum Aggregation {
    SUM, COUNT, COUNT_DISTINCT, AVG, MIN, MAX,
    /** Approximate distinct count; rendered as an exact count(DISTINCT) where hll is not installed. */
    APPROX_DISTINCT;

    /** Whether totals of this aggregation can be computed by re-aggregating partial results. */
    public boolean additive() {
        return this == SUM || this == COUNT || this == MIN || this == MAX;
    }

    /** The aggregation a report function name calls, if it is one. */
    public static java.util.Optional<Aggregation> find(String name) {
        for (Aggregation aggregation : values()) {
            if (aggregation.name().equalsIgnoreCase(name)) {
                return java.util.Optional.of(aggregation);
            }
        }
        return java.util.Optional.empty();
    }

    public static Aggregation parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown aggregation '" + name
                    + "' (sum, count, count_distinct, avg, min, max, approx_distinct)");
        }
    }
}
