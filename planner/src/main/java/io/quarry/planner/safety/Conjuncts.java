package io.quarry.planner.safety;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/** Splitting a condition into its top-level AND conjuncts. */
final class Conjuncts {

    private Conjuncts() {
    }

    /**
     * The top-level conjuncts of a condition, parentheses removed. Anything under OR, NOT, CASE
     * or a function is one opaque conjunct. {@code &&} (which JSqlParser also reads as AND, but
     * is PostgreSQL's overlap operator) is not a conjunction.
     */
    static List<Expression> of(Expression condition) {
        List<Expression> out = new ArrayList<>();
        collect(condition, out);
        return out;
    }

    /** The expression without enclosing parentheses. */
    @SuppressWarnings("deprecation")
    static Expression unwrap(Expression e) {
        Expression current = e;
        while (true) {
            if (current instanceof Parenthesis p) {
                current = p.getExpression();
            } else if (current instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
                current = list.get(0);
            } else {
                return current;
            }
        }
    }

    private static void collect(Expression condition, List<Expression> out) {
        if (condition == null) {
            return;
        }
        Expression e = unwrap(condition);
        if (e instanceof AndExpression and && !and.isUseOperator()) {
            collect(and.getLeftExpression(), out);
            collect(and.getRightExpression(), out);
        } else {
            out.add(e);
        }
    }
}
