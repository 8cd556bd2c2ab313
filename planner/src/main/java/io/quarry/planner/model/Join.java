package io.quarry.planner.model;

import java.util.List;

/**
 * A join from a dataset or entity to an entity.
 *
 * @param on          column pairs (from column, to column); between tenant tables they include
 *                    the distribution column on both sides
 * @param cardinality how many target rows match one source row
 * @param optional    whether a source row may have no match (then it is a LEFT JOIN)
 */
public record Join(String from, String to, List<ColumnPair> on, Cardinality cardinality, boolean optional) {

    public Join {
        on = List.copyOf(on);
    }

    /** One equality of a join condition. */
    public record ColumnPair(String fromColumn, String toColumn) {
    }
}
