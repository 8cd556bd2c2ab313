package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Rules 1 and 2: every read of a tenant table needs, in the WHERE of its own block, a top-level
 * conjunct {@code <qualifier>.account_id = ANY(?)} (or {@code = ANY(?::bigint[])},
 * {@code = ANY(CAST(? AS bigint[]))}, {@code = ?}); the bare column must be compared with a bind
 * parameter so that Citus prunes shards.
 */
final class TenantFilterRule {

    private TenantFilterRule() {
    }

    static List<SafetyViolation> check(QueryBlock block, SafetyPolicy policy) {
        List<SafetyViolation> out = new ArrayList<>();
        List<Expression> conjuncts = Conjuncts.of(block.select().getWhere());
        boolean sole = block.relations().size() == 1;
        String column = policy.distributionColumn();
        for (Relation r : block.relations()) {
            if (r.kind() != Relation.Kind.TENANT_TABLE) {
                continue;
            }
            boolean filtered = conjuncts.stream().anyMatch(c -> isPruningFilter(c, column, r.qualifier(), sole));
            if (filtered) {
                continue;
            }
            Optional<Expression> wrong = conjuncts.stream()
                    .filter(c -> isNonPruningFilter(c, column, r.qualifier(), sole)).findFirst();
            String wanted = r.qualifier() + "." + column + " = ANY(?)";
            if (wrong.isPresent()) {
                out.add(new SafetyViolation(ViolationCode.TENANT_FILTER_NOT_BOUND,
                        "tenant table " + r.describe() + " is filtered by " + Fragments.of(wrong.get())
                                + " instead of the bound, prunable " + wanted,
                        Fragments.of(wrong.get())));
            } else {
                out.add(new SafetyViolation(ViolationCode.MISSING_TENANT_FILTER,
                        "tenant table " + r.describe() + " has no top-level " + wanted
                                + " conjunct in the WHERE of its query block",
                        Fragments.of(r.item())));
            }
        }
        return out;
    }

    /** {@code q.account_id = ANY(<bound array>)} or {@code q.account_id = <bound scalar>}. */
    static boolean isPruningFilter(Expression conjunct, String column, String qualifier, boolean sole) {
        if (!(conjunct instanceof EqualsTo eq) || !Columns.isColumnOf(eq.getLeftExpression(), column, qualifier, sole)) {
            return false;
        }
        Expression right = Conjuncts.unwrap(eq.getRightExpression());
        if (Columns.isBoundScalar(right)) {
            return true;
        }
        return right instanceof Function any && "any".equalsIgnoreCase(any.getName())
                && !any.isDistinct() && any.getParameters() != null && any.getParameters().size() == 1
                && Columns.isBoundArray(any.getParameters().get(0));
    }

    /** A comparison on the tenant column (possibly cast) that is not a pruning filter, e.g. {@code account_id = 5}. */
    private static boolean isNonPruningFilter(Expression conjunct, String column, String qualifier, boolean sole) {
        Expression left;
        Expression right = null;
        if (conjunct instanceof ComparisonOperator cmp) {
            left = cmp.getLeftExpression();
            right = cmp.getRightExpression();
        } else if (conjunct instanceof InExpression in) {
            left = in.getLeftExpression();
        } else if (conjunct instanceof Between between) {
            left = between.getLeftExpression();
        } else {
            return false;
        }
        if (right != null && Conjuncts.unwrap(right) instanceof Column) {
            return false; // a join equality, checked by JoinEqualityRule
        }
        Expression bare = Conjuncts.unwrap(left);
        while (bare instanceof CastExpression cast) {
            bare = Conjuncts.unwrap(cast.getLeftExpression());
        }
        if (bare instanceof ExpressionList<?>) {
            return false;
        }
        return bare instanceof Column && Columns.isColumnOf(bare, column, qualifier, sole);
    }
}
