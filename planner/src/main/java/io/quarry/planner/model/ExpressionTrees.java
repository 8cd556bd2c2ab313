package io.quarry.planner.model;

import io.quarry.ql.ast.Arithmetic;
import io.quarry.ql.ast.Between;
import io.quarry.ql.ast.Case;
import io.quarry.ql.ast.Comparison;
import io.quarry.ql.ast.During;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.FunctionCall;
import io.quarry.ql.ast.InList;
import io.quarry.ql.ast.IsNull;
import io.quarry.ql.ast.Like;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.Not;
import io.quarry.ql.ast.WhenClause;
import java.util.ArrayList;
import java.util.List;

/** Generic walks over report-language expressions. */
public final class ExpressionTrees {

    private ExpressionTrees() {
    }

    /** The direct sub-expressions of an expression, left to right. */
    public static List<Expression> children(Expression expression) {
        if (expression instanceof Arithmetic a) {
            return List.of(a.left(), a.right());
        } else if (expression instanceof Negative n) {
            return List.of(n.operand());
        } else if (expression instanceof FunctionCall f) {
            return f.arguments();
        } else if (expression instanceof Comparison c) {
            return List.of(c.left(), c.right());
        } else if (expression instanceof Logical l) {
            return l.terms();
        } else if (expression instanceof Not n) {
            return List.of(n.operand());
        } else if (expression instanceof Between b) {
            return List.of(b.value(), b.lower(), b.upper());
        } else if (expression instanceof InList in) {
            List<Expression> all = new ArrayList<>(in.values().size() + 1);
            all.add(in.value());
            all.addAll(in.values());
            return all;
        } else if (expression instanceof Like l) {
            return List.of(l.value(), l.pattern());
        } else if (expression instanceof IsNull n) {
            return List.of(n.value());
        } else if (expression instanceof During d) {
            return List.of(d.value());
        } else if (expression instanceof Case c) {
            List<Expression> all = new ArrayList<>();
            for (WhenClause when : c.whenClauses()) {
                all.add(when.condition());
                all.add(when.result());
            }
            c.otherwise().ifPresent(all::add);
            return all;
        }
        return List.of();
    }

    /** Every field reference in the expression, in order. */
    public static List<FieldRef> fieldRefs(Expression expression) {
        List<FieldRef> refs = new ArrayList<>();
        collect(expression, refs);
        return refs;
    }

    private static void collect(Expression expression, List<FieldRef> refs) {
        if (expression instanceof FieldRef ref) {
            refs.add(ref);
        }
        for (Expression child : children(expression)) {
            collect(child, refs);
        }
    }
}
