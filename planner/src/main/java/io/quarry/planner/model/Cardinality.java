package io.quarry.planner.model;

import java.util.Locale;

/** How many rows of a join's target match one row of its source. */
public enum Cardinality {
    /** Each source row matches at most one target row: joining cannot multiply source rows. */
    MANY_TO_ONE,
    ONE_TO_ONE,
    /** A source row may match several target rows: aggregating source measures over it double counts. */
    ONE_TO_MANY;

    public boolean multipliesRows() {
        return this == ONE_TO_MANY;
    }

    public static Cardinality parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown cardinality '" + name
                    + "' (many_to_one, one_to_one, one_to_many)");
        }
    }
}
