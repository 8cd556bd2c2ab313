package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Rule 10: on PostgreSQL 15 and 16, Citus rejects outer joins together with pseudoconstant
 * WHERE quals: a conjunct that references no column of the block, such as {@code 1 = 1},
 * {@code now() > '2020-01-01'} or an uncorrelated EXISTS. A subquery counts as correlated only
 * if it references a column qualified with one of the block's relation names (unqualified
 * columns inside a subquery are assumed to be its own).
 */
final class OuterJoinRule {

    private OuterJoinRule() {
    }

    static List<SafetyViolation> check(QueryBlock block) {
        if (!block.hasOuterJoin()) {
            return List.of();
        }
        Set<String> qualifiers = block.relations().stream().map(Relation::qualifier)
                .filter(q -> q != null).collect(Collectors.toSet());
        List<SafetyViolation> out = new ArrayList<>();
        for (Expression conjunct : Conjuncts.of(block.select().getWhere())) {
            if (!referencesBlock(conjunct, qualifiers)) {
                out.add(new SafetyViolation(ViolationCode.OUTER_JOIN_PSEUDOCONSTANT_QUAL,
                        "WHERE conjunct " + Fragments.of(conjunct)
                                + " references no column of the block, which has an outer join",
                        Fragments.of(conjunct)));
            }
        }
        return out;
    }

    private static boolean referencesBlock(Expression conjunct, Set<String> qualifiers) {
        boolean[] found = {false};
        // Outside subqueries: any real column. Inside subqueries: a column qualified with a block relation.
        AstNodes.walk(conjunct, n -> !(n instanceof Select), n -> {
            if (n instanceof Column c && !Columns.isTimeKeyword(c)) {
                found[0] = true;
            }
        });
        if (found[0]) {
            return true;
        }
        for (Select sub : AstNodes.find(conjunct, Select.class, n -> n instanceof Select)) {
            AstNodes.walk(sub, n -> true, n -> {
                if (n instanceof Column c && qualifiers.contains(Columns.qualifier(c))) {
                    found[0] = true;
                }
            });
        }
        return found[0];
    }
}
