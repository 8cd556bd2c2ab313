package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules 5, 6 and 8: expression subqueries. A subquery in LIMIT / OFFSET / FETCH always fails on
 * multi-shard queries. Elsewhere (SELECT list, ORDER BY, GROUP BY; WHERE, HAVING, ON) a subquery
 * is rejected when its block or the subquery itself reads tenant-derived relations: Citus cannot
 * push it down unless it is correlated on account_id, and {@code IN (SELECT ...)} defeats pruning.
 * Over materialized CTEs and reference tables only, subqueries are fine.
 */
final class SubqueryRule {

    private SubqueryRule() {
    }

    static List<SafetyViolation> check(List<SubqueryUse> uses) {
        List<SafetyViolation> out = new ArrayList<>();
        for (SubqueryUse use : uses) {
            ViolationCode code = use.clause().code();
            boolean always = code == ViolationCode.SUBQUERY_IN_LIMIT;
            if (!always && !use.ownerTenantDerived() && !use.subqueryTenantDerived()) {
                continue;
            }
            String reason = always ? "is not supported in multi-shard queries"
                    : use.ownerTenantDerived() ? "of a block that reads tenant-derived relations"
                    : "that reads tenant-derived relations";
            out.add(new SafetyViolation(code,
                    "subquery in " + use.clause().label() + " " + reason, Fragments.of(use.subquery())));
        }
        return out;
    }
}
