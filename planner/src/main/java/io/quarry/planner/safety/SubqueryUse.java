package io.quarry.planner.safety;

import net.sf.jsqlparser.statement.select.Select;

/**
 * A subquery used as an expression (not as a FROM item).
 *
 * @param clause                where it appears
 * @param subquery              the subquery
 * @param ownerTenantDerived    whether the enclosing block reads tenant-derived relations
 * @param subqueryTenantDerived whether the subquery itself reads tenant-derived relations
 */
record SubqueryUse(Clause clause, Select subquery, boolean ownerTenantDerived, boolean subqueryTenantDerived) {

    /** Positions of expression subqueries, with the violation each one maps to. */
    enum Clause {
        SELECT_LIST("the SELECT list", ViolationCode.SCALAR_SUBQUERY_IN_SELECT),
        DISTINCT_ON("DISTINCT ON", ViolationCode.SCALAR_SUBQUERY_IN_SELECT),
        GROUP_BY("GROUP BY", ViolationCode.SCALAR_SUBQUERY_IN_SELECT),
        ORDER_BY("ORDER BY", ViolationCode.SCALAR_SUBQUERY_IN_SELECT),
        WINDOW("a WINDOW clause", ViolationCode.SCALAR_SUBQUERY_IN_SELECT),
        FROM_FUNCTION("the arguments of a FROM function", ViolationCode.SCALAR_SUBQUERY_IN_SELECT),
        VALUES("a VALUES list", ViolationCode.SCALAR_SUBQUERY_IN_SELECT),
        WHERE("WHERE", ViolationCode.SUBQUERY_IN_FILTER),
        HAVING("HAVING", ViolationCode.SUBQUERY_IN_FILTER),
        QUALIFY("QUALIFY", ViolationCode.SUBQUERY_IN_FILTER),
        JOIN_ON("a join's ON clause", ViolationCode.SUBQUERY_IN_FILTER),
        LIMIT("LIMIT / OFFSET / FETCH", ViolationCode.SUBQUERY_IN_LIMIT);

        private final String label;
        private final ViolationCode code;

        Clause(String label, ViolationCode code) {
            this.label = label;
            this.code = code;
        }

        String label() {
            return label;
        }

        ViolationCode code() {
            return code;
        }
    }
}
