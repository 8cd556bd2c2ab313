package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Rule 4: GROUPING SETS, ROLLUP, CUBE and {@code GROUPING()} fail in multi-shard queries over
 * distributed tables, also when the distributed table is inside a FROM subquery. Over a
 * materialized CTE they run on the coordinator and are fine.
 */
final class GroupingSetsRule {

    private static final Set<String> GROUPING_FUNCTIONS = Set.of("rollup", "cube", "grouping");

    private GroupingSetsRule() {
    }

    static List<SafetyViolation> check(QueryBlock block) {
        if (!block.tenantDerived()) {
            return List.of();
        }
        List<Object> offending = new ArrayList<>();
        GroupByElement groupBy = block.select().getGroupBy();
        if (groupBy != null && ((groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty())
                || groupBy.isMysqlWithRollup())) {
            offending.add(groupBy);
        }
        AstNodes.walk(block.select(), n -> !(n instanceof Select), n -> {
            if (n instanceof Function f && f.getName() != null
                    && GROUPING_FUNCTIONS.contains(ParsedNames.normalize(f.getName()))) {
                offending.add(f);
            }
        });
        if (offending.isEmpty()) {
            return List.of();
        }
        String relations = block.tenantDerivedRelations().stream().map(Relation::describe)
                .collect(Collectors.joining(", "));
        return offending.stream().map(node -> new SafetyViolation(ViolationCode.GROUPING_SETS_ON_DISTRIBUTED,
                Fragments.of(node) + " over tenant-derived " + relations
                        + "; aggregate in a MATERIALIZED CTE first and roll up over it",
                Fragments.of(node))).toList();
    }
}
