package io.quarry.planner.sql;

import io.quarry.planner.sql.SqlExpr.AtTimeZone;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Case;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.EqualsAny;
import io.quarry.planner.sql.SqlExpr.Function;
import io.quarry.planner.sql.SqlExpr.Grain;
import io.quarry.planner.sql.SqlExpr.In;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.IsNull;
import io.quarry.planner.sql.SqlExpr.Junction;
import io.quarry.planner.sql.SqlExpr.Negate;
import io.quarry.planner.sql.SqlExpr.Not;
import io.quarry.planner.sql.SqlExpr.When;
import java.util.List;

/**
 * The expression half of {@link SqlRenderer}'s walk: writes expressions into the statement's
 * text and collects their bind values in placeholder order. Binary operations are
 * parenthesised, so the tree's shape is the evaluation order (a left-to-right chain of one
 * arithmetic level shares one pair).
 */
final class ExpressionRenderer {

    private final StringBuilder sql;
    private final List<BindValue> binds;

    ExpressionRenderer(StringBuilder sql, List<BindValue> binds) {
        this.sql = sql;
        this.binds = binds;
    }

    void junctionTerms(Junction j) {
        for (int i = 0; i < j.terms().size(); i++) {
            if (i > 0) {
                sql.append(' ').append(j.operator().sql()).append(' ');
            }
            term(j.terms().get(i));
        }
    }

    /**
     * A term of AND / OR: a comparison needs no parentheses there (comparison binds tighter
     * than AND and OR), which keeps conditions such as {@code "c"."account_id" = "f"."account_id"}
     * plain top-level conjuncts.
     */
    void term(SqlExpr term) {
        if (term instanceof Binary b && b.operator().comparison()) {
            expr(b.left());
            sql.append(' ').append(b.operator().sql()).append(' ');
            expr(b.right());
        } else {
            expr(term);
        }
    }

    void list(List<SqlExpr> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            expr(expressions.get(i));
        }
    }

    /**
     * A binary operation without its parentheses. A left operand of the same arithmetic level
     * continues the chain unparenthesised ({@code (a + b - c)}, not {@code ((a + b) - c)}): SQL
     * evaluates such chains left to right, so the text means the same tree, and a long sum does not
     * nest its parentheses (JSqlParser, which checks every statement, backtracks exponentially in
     * directly nested ones).
     */
    private void chain(Binary b) {
        if (b.left() instanceof Binary left && left.operator().arithmeticLevel() > 0
                && left.operator().arithmeticLevel() == b.operator().arithmeticLevel()) {
            chain(left);
        } else {
            expr(b.left());
        }
        sql.append(' ').append(b.operator().sql()).append(' ');
        expr(b.right());
    }

    void expr(SqlExpr expr) {
        if (expr instanceof Column c) {
            if (c.qualifier() != null) {
                sql.append(Identifiers.quote(c.qualifier())).append('.');
            }
            sql.append(Identifiers.quote(c.name()));
        } else if (expr instanceof Bind b) {
            bind(b);
        } else if (expr instanceof IntegerConstant i) {
            sql.append(i.value());
        } else if (expr instanceof SqlExpr.Null) {
            sql.append("NULL");
        } else if (expr instanceof Grain g) {
            sql.append('\'').append(g.grain().field()).append('\'');
        } else if (expr instanceof Function f) {
            function(f);
        } else if (expr instanceof SqlExpr.CountOver) {
            sql.append("count(*) OVER ()");
        } else if (expr instanceof Binary b) {
            sql.append('(');
            chain(b);
            sql.append(')');
        } else if (expr instanceof Junction j) {
            sql.append('(');
            junctionTerms(j);
            sql.append(')');
        } else if (expr instanceof Not n) {
            sql.append("(NOT ");
            expr(n.operand());
            sql.append(')');
        } else if (expr instanceof Negate n) {
            sql.append("(-");
            expr(n.operand());
            sql.append(')');
        } else if (expr instanceof IsNull n) {
            sql.append('(');
            expr(n.operand());
            sql.append(n.negated() ? " IS NOT NULL)" : " IS NULL)");
        } else if (expr instanceof In in) {
            sql.append('(');
            expr(in.operand());
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            list(in.values());
            sql.append("))");
        } else if (expr instanceof EqualsAny any) {
            expr(any.operand());
            sql.append(" = ANY(");
            bind(any.array());
            sql.append(')');
        } else if (expr instanceof Cast c) {
            sql.append('(');
            expr(c.operand());
            sql.append(")::").append(c.type());
        } else if (expr instanceof AtTimeZone z) {
            sql.append('(');
            expr(z.operand());
            sql.append(" AT TIME ZONE ");
            expr(z.zone());
            sql.append(')');
        } else if (expr instanceof Case c) {
            sql.append("CASE");
            for (When when : c.whens()) {
                sql.append(" WHEN ");
                expr(when.condition());
                sql.append(" THEN ");
                expr(when.result());
            }
            c.otherwise().ifPresent(otherwise -> {
                sql.append(" ELSE ");
                expr(otherwise);
            });
            sql.append(" END");
        } else {
            throw new IllegalStateException("unrendered node " + expr);
        }
    }

    private void function(Function f) {
        sql.append(f.name()).append('(');
        if (f.star()) {
            sql.append('*');
        } else {
            if (f.distinct()) {
                sql.append("DISTINCT ");
            }
            list(f.arguments());
        }
        sql.append(')');
        f.filter().ifPresent(filter -> {
            sql.append(" FILTER (WHERE ");
            expr(filter);
            sql.append(')');
        });
    }

    private void bind(Bind bind) {
        binds.add(bind.value());
        sql.append("?::").append(bind.value().type().sql());
    }
}
