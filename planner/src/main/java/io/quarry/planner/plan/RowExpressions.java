package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.resolve.Functions;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.RowTypes;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.ql.ast.Arithmetic;
import io.quarry.ql.ast.ArithmeticOperator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Translates row-level expressions (a model dimension's expression, a metric's column
 * expression, an inline aggregate's argument) into SQL over one query block's columns, as
 * {@link RowTypes} types them. Literals become bind parameters; NULL takes the type its context
 * gives it (PostgreSQL cannot pick one for {@code NULL + NULL}); integer arithmetic is numeric, so
 * it never overflows bigint; division and modulo by zero give NULL; the places of {@code round}
 * and the start and length of {@code substr} are integers.
 */
final class RowExpressions {

    private final RowTypes types;
    private final Function<FieldRef, SqlExpr> columns;

    private RowExpressions(RowTypes types, Function<FieldRef, SqlExpr> columns) {
        this.types = types;
        this.columns = columns;
    }

    static SqlExpr translate(Expression expression, RowTypes types, Function<FieldRef, SqlExpr> columns) {
        types.type(expression); // refuses what PostgreSQL would; resolution checked the report's own already
        return new RowExpressions(types, columns).sql(expression, null);
    }

    /** The expression; a NULL literal in it is of type {@code expected} (none: left to PostgreSQL). */
    private SqlExpr sql(Expression expression, ColumnType expected) {
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
            return expected == null ? new SqlExpr.Null() : new Cast(new SqlExpr.Null(), expected.sqlType());
        } else if (expression instanceof Negative n) {
            return new SqlExpr.Negate(sql(n.operand(), ColumnType.DECIMAL));
        } else if (expression instanceof Arithmetic a) {
            return arithmetic(a);
        } else if (expression instanceof FunctionCall f) {
            return function(f);
        } else if (expression instanceof Comparison c) {
            return new SqlExpr.Binary(switch (c.operator()) {
                case EQUAL -> Operator.EQ;
                case NOT_EQUAL -> Operator.NE;
                case LESS_THAN -> Operator.LT;
                case LESS_THAN_OR_EQUAL -> Operator.LE;
                case GREATER_THAN -> Operator.GT;
                case GREATER_THAN_OR_EQUAL -> Operator.GE;
            }, sql(c.left(), types.type(c.right())), sql(c.right(), types.type(c.left())));
        } else if (expression instanceof Logical l) {
            return new SqlExpr.Junction(l.operator() == LogicalOperator.AND ? Operator.AND : Operator.OR,
                    l.terms().stream().map(t -> sql(t, ColumnType.BOOLEAN)).toList());
        } else if (expression instanceof Not n) {
            return new SqlExpr.Not(sql(n.operand(), ColumnType.BOOLEAN));
        } else if (expression instanceof IsNull n) {
            return new SqlExpr.IsNull(sql(n.value(), null), n.negated());
        } else if (expression instanceof Case c) {
            ColumnType result = types.caseType(c);
            List<SqlExpr.When> whens = c.whenClauses().stream().map((WhenClause w) -> new SqlExpr.When(
                    sql(w.condition(), ColumnType.BOOLEAN), sql(w.result(), result))).toList();
            return new SqlExpr.Case(whens, c.otherwise().map(o -> sql(o, result)));
        }
        throw new PlanningException(PlanningError.UNSUPPORTED, "this expression is not supported here",
                expression.location());
    }

    private SqlExpr arithmetic(Arithmetic a) {
        SqlExpr left = sql(a.left(), ColumnType.DECIMAL);
        SqlExpr right = sql(a.right(), ColumnType.DECIMAL);
        boolean integers = types.type(a.left()) != ColumnType.DECIMAL && types.type(a.right()) != ColumnType.DECIMAL;
        if (integers && (a.operator() == ArithmeticOperator.ADD || a.operator() == ArithmeticOperator.SUBTRACT
                || a.operator() == ArithmeticOperator.MULTIPLY)) {
            left = new Cast(left, "numeric");
        }
        return switch (a.operator()) {
            case ADD -> new SqlExpr.Binary(Operator.PLUS, left, right);
            case SUBTRACT -> new SqlExpr.Binary(Operator.MINUS, left, right);
            case MULTIPLY -> new SqlExpr.Binary(Operator.TIMES, left, right);
            case DIVIDE -> SafeDivision.of(left, right);
            case MODULUS -> SafeDivision.modulo(left, right);
        };
    }

    private SqlExpr function(FunctionCall f) {
        List<Expression> arguments = f.arguments();
        List<SqlExpr> sql = new ArrayList<>();
        switch (f.name()) {
            case "round" -> {
                sql.add(new Cast(sql(arguments.get(0), ColumnType.DECIMAL), "numeric"));
                if (arguments.size() == 2) {
                    sql.add(integer(Functions.places(arguments.get(1)).orElseThrow()));
                }
            }
            case "substr" -> {
                sql.add(sql(arguments.get(0), ColumnType.STRING));
                arguments.subList(1, arguments.size())
                        .forEach(a -> sql.add(integer(Functions.integerConstant(a).orElseThrow())));
            }
            case "coalesce", "greatest", "least", "nullif" -> {
                ColumnType common = types.common(arguments);
                arguments.forEach(a -> sql.add(sql(a, common)));
            }
            case "abs" -> sql.add(sql(arguments.get(0), ColumnType.DECIMAL));
            default -> arguments.forEach(a -> sql.add(sql(a, ColumnType.STRING)));
        }
        return new SqlExpr.Function(f.name(), sql, false, false, Optional.empty());
    }

    /** A whole number PostgreSQL takes as {@code integer} (checked to fit by {@link Functions}). */
    static SqlExpr integer(long value) {
        return new Bind(new BindValue(Math.toIntExact(value), BindType.INTEGER));
    }

    /** Helper for numeric constants written by the planner. */
    static SqlExpr number(BigDecimal value) {
        return new Bind(new BindValue(value, BindType.NUMERIC));
    }
}
