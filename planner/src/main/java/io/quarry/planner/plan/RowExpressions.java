package io.quarry.planner.plan;

import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.ql.ast.Arithmetic;
import io.quarry.ql.ast.BooleanLiteral;
import io.quarry.ql.ast.Case;
import io.quarry.ql.ast.Comparison;
import io.quarry.ql.ast.DateLiteral;
import io.quarry.ql.ast.DecimalLiteral;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.FunctionCall;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.IsNull;
import io.quarry.ql.ast.Logical;
import io.quarry.ql.ast.LogicalOperator;
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.Not;
import io.quarry.ql.ast.NullLiteral;
import io.quarry.ql.ast.StringLiteral;
import io.quarry.ql.ast.WhenClause;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Translates row-level expressions (a model dimension's expression, a metric's column
 * expression, an inline aggregate's argument) into SQL over one query block's columns.
 * Literals become bind parameters; only a fixed set of functions is allowed.
 */
final class RowExpressions {

    private static final Set<String> FUNCTIONS = Set.of("lower", "upper", "coalesce", "nullif", "concat", "abs",
            "round", "length", "trim", "substr", "greatest", "least");

    private RowExpressions() {
    }

    static SqlExpr translate(Expression expression, Function<FieldRef, SqlExpr> columns) {
        if (expression instanceof FieldRef ref) {
            return columns.apply(ref);
        } else if (expression instanceof StringLiteral s) {
            return new Bind(new BindValue(s.value(), BindType.TEXT));
        } else if (expression instanceof IntegerLiteral i) {
            return new Bind(new BindValue(i.value(), BindType.BIGINT));
        } else if (expression instanceof DecimalLiteral d) {
            return new Bind(new BindValue(d.value(), BindType.NUMERIC));
        } else if (expression instanceof BooleanLiteral b) {
            return new Bind(new BindValue(b.value(), BindType.BOOLEAN));
        } else if (expression instanceof DateLiteral d) {
            return new Bind(new BindValue(d.value(), BindType.DATE));
        } else if (expression instanceof NullLiteral) {
            return new Bind(new BindValue(null, BindType.TEXT));
        } else if (expression instanceof Negative n) {
            return new SqlExpr.Negate(translate(n.operand(), columns));
        } else if (expression instanceof Arithmetic a) {
            SqlExpr left = translate(a.left(), columns);
            SqlExpr right = translate(a.right(), columns);
            return switch (a.operator()) {
                case ADD -> new SqlExpr.Binary(Operator.PLUS, left, right);
                case SUBTRACT -> new SqlExpr.Binary(Operator.MINUS, left, right);
                case MULTIPLY -> new SqlExpr.Binary(Operator.TIMES, left, right);
                case DIVIDE -> SafeDivision.of(left, right);
                case MODULUS -> SqlExpr.Function.of("mod", left, right);
            };
        } else if (expression instanceof FunctionCall f && FUNCTIONS.contains(f.name()) && !f.star() && !f.distinct()) {
            return new SqlExpr.Function(f.name(), f.arguments().stream().map(a -> translate(a, columns)).toList(),
                    false, false, Optional.empty());
        } else if (expression instanceof Comparison c) {
            return new SqlExpr.Binary(switch (c.operator()) {
                case EQUAL -> Operator.EQ;
                case NOT_EQUAL -> Operator.NE;
                case LESS_THAN -> Operator.LT;
                case LESS_THAN_OR_EQUAL -> Operator.LE;
                case GREATER_THAN -> Operator.GT;
                case GREATER_THAN_OR_EQUAL -> Operator.GE;
            }, translate(c.left(), columns), translate(c.right(), columns));
        } else if (expression instanceof Logical l) {
            return new SqlExpr.Junction(l.operator() == LogicalOperator.AND ? Operator.AND : Operator.OR,
                    l.terms().stream().map(t -> translate(t, columns)).toList());
        } else if (expression instanceof Not n) {
            return new SqlExpr.Not(translate(n.operand(), columns));
        } else if (expression instanceof IsNull n) {
            return new SqlExpr.IsNull(translate(n.value(), columns), n.negated());
        } else if (expression instanceof Case c) {
            List<SqlExpr.When> whens = c.whenClauses().stream()
                    .map((WhenClause w) -> new SqlExpr.When(translate(w.condition(), columns), translate(w.result(), columns)))
                    .toList();
            return new SqlExpr.Case(whens, c.otherwise().map(o -> translate(o, columns)));
        }
        throw new PlanningException(PlanningError.UNSUPPORTED, "this expression is not supported here",
                expression.location());
    }

    /** Helper for numeric constants written by the planner. */
    static SqlExpr number(BigDecimal value) {
        return new Bind(new BindValue(value, BindType.NUMERIC));
    }
}
