package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Join;

/**
 * Rule 3: a join that brings a tenant-derived relation next to an earlier tenant-derived
 * relation must equate their distribution columns ({@code a.account_id = b.account_id}) as a
 * top-level conjunct of its ON clause, or of the WHERE for comma and CROSS joins; {@code USING
 * (account_id)} also counts. Joins with reference tables, materialized CTEs, functions and
 * VALUES need nothing.
 */
final class JoinEqualityRule {

    private JoinEqualityRule() {
    }

    static List<SafetyViolation> check(QueryBlock block, SafetyPolicy policy) {
        List<SafetyViolation> out = new ArrayList<>();
        List<Relation> relations = block.relations();
        String column = policy.distributionColumn();
        for (int i = 1; i < relations.size(); i++) {
            Relation right = relations.get(i);
            List<Relation> earlier = relations.subList(0, i).stream().filter(Relation::tenantDerived).toList();
            if (!right.tenantDerived() || earlier.isEmpty()) {
                continue;
            }
            Join join = right.join();
            if (join.isNatural()) {
                out.add(violation(right, earlier, column, "a NATURAL join does not name its columns", join));
                continue;
            }
            if (join.getUsingColumns() != null && join.getUsingColumns().stream()
                    .anyMatch(c -> column.equals(Columns.name(c)))) {
                continue;
            }
            boolean usesOn = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
            List<Expression> conjuncts = new ArrayList<>();
            if (usesOn) {
                join.getOnExpressions().forEach(on -> conjuncts.addAll(Conjuncts.of(on)));
            } else {
                conjuncts.addAll(Conjuncts.of(block.select().getWhere()));
            }
            boolean equated = right.qualifier() != null && conjuncts.stream()
                    .anyMatch(c -> earlier.stream().anyMatch(e -> equates(c, column, right.qualifier(), e.qualifier())));
            if (!equated) {
                String where = usesOn ? "its ON clause" : "the WHERE of the block";
                out.add(violation(right, earlier, column, "no " + example(right, earlier, column)
                        + " conjunct in " + where, join));
            }
        }
        return out;
    }

    /** Whether a conjunct is {@code a.account_id = b.account_id} for the two qualifiers, in either order. */
    private static boolean equates(Expression conjunct, String column, String a, String b) {
        if (b == null || !(conjunct instanceof EqualsTo eq)
                || !(Conjuncts.unwrap(eq.getLeftExpression()) instanceof Column)
                || !(Conjuncts.unwrap(eq.getRightExpression()) instanceof Column)) {
            return false;
        }
        Expression l = eq.getLeftExpression();
        Expression r = eq.getRightExpression();
        return (Columns.isColumnOf(l, column, a, false) && Columns.isColumnOf(r, column, b, false))
                || (Columns.isColumnOf(l, column, b, false) && Columns.isColumnOf(r, column, a, false));
    }

    private static SafetyViolation violation(Relation right, List<Relation> earlier, String column, String why,
                                             Join join) {
        String others = earlier.stream().map(Relation::describe).collect(Collectors.joining(", "));
        return new SafetyViolation(ViolationCode.JOIN_WITHOUT_ACCOUNT_EQUALITY,
                kind(join) + " of " + right.describe() + " to tenant-derived " + others + ": " + why,
                Fragments.of(join));
    }

    private static String example(Relation right, List<Relation> earlier, String column) {
        String r = right.qualifier() == null ? "<alias>" : right.qualifier();
        String e = earlier.get(earlier.size() - 1).qualifier();
        return r + "." + column + " = " + (e == null ? "<alias>" : e) + "." + column;
    }

    private static String kind(Join join) {
        if (join.isFull()) {
            return "FULL JOIN";
        }
        if (join.isLeft()) {
            return "LEFT JOIN";
        }
        if (join.isRight()) {
            return "RIGHT JOIN";
        }
        if (join.isCross()) {
            return "CROSS JOIN";
        }
        if (join.isSimple()) {
            return "comma join";
        }
        return "JOIN";
    }
}
