package io.quarry.planner.safety;

import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;

/**
 * One relation in the FROM of a query block.
 *
 * @param kind          what the relation is
 * @param name          the table or CTE name (normalised), or null for subqueries, functions, VALUES
 * @param qualifier     the name columns use to refer to it: the alias, else the table / CTE name; null if none
 * @param tenantDerived whether it reads tenant rows that live on the workers (see {@link Kind})
 * @param join          the join that brought it into the block; null for the first relation
 * @param item          the FROM item itself
 */
record Relation(Kind kind, String name, String qualifier, boolean tenantDerived, Join join, FromItem item) {

    /** Kinds of FROM items. */
    enum Kind {
        TENANT_TABLE, REFERENCE_TABLE, UNKNOWN_TABLE, INLINE_CTE, MATERIALIZED_CTE, SUBQUERY, FUNCTION, VALUES
    }

    /** How to name the relation in a message: {@code ad_stats_daily AS s}, {@code s}, or the FROM item. */
    String describe() {
        if (name != null && qualifier != null && !name.equals(qualifier)) {
            return name + " AS " + qualifier;
        }
        if (name != null) {
            return name;
        }
        if (qualifier != null) {
            return switch (kind) {
                case SUBQUERY -> "subquery " + qualifier;
                case FUNCTION -> "function " + qualifier;
                default -> qualifier;
            };
        }
        return Fragments.of(item);
    }
}
