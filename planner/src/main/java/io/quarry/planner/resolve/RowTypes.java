package io.quarry.planner.resolve;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
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
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.Not;
import io.quarry.ql.ast.NullLiteral;
import io.quarry.ql.ast.StringLiteral;
import io.quarry.ql.ast.WhenClause;
import java.util.List;
import java.util.function.Function;

/**
 * Types row-level expressions (an aggregate's argument, a model column expression) and refuses
 * what PostgreSQL would: a call of an unknown function or with wrong arguments, arithmetic on
 * strings, a comparison of a string with a number, a CASE condition that is not boolean, CASE
 * results of different types. See {@link Types} for the rules; arithmetic is numeric (so integer
 * columns cannot overflow bigint).
 */
public final class RowTypes {

    private final Function<FieldRef, ColumnType> columns;

    private RowTypes(Function<FieldRef, ColumnType> columns) {
        this.columns = columns;
    }

    /** Over a table's columns, where the model's dimensions win (as in an aggregate's argument). */
    public static RowTypes of(SemanticModel model, Table table) {
        return new RowTypes(ref -> {
            Dimension dimension = model.dimensions().get(ref.dotted());
            return dimension != null ? dimension.type() : column(table, ref);
        });
    }

    /** Over a table's plain columns only (a model dimension's expression). */
    public static RowTypes of(Table table) {
        return new RowTypes(ref -> column(table, ref));
    }

    private static ColumnType column(Table table, FieldRef ref) {
        if (ref.path().size() != 1 || table.column(ref.path().get(0)).isEmpty()) {
            throw new PlanningException(PlanningError.UNKNOWN_FIELD, "unknown column '" + ref.dotted() + "' of "
                    + table.name(), ref.location());
        }
        return table.column(ref.path().get(0)).orElseThrow();
    }

    /** The expression's type; null for NULL. */
    public ColumnType type(Expression expression) {
        if (expression instanceof FieldRef ref) {
            return columns.apply(ref);
        } else if (expression instanceof StringLiteral s) {
            ValueResolver.requireText(s.value(), "a string", s);
            return ColumnType.STRING;
        } else if (expression instanceof IntegerLiteral) {
            return ColumnType.INTEGER;
        } else if (expression instanceof DecimalLiteral d) {
            ValueResolver.requireDigits(d.value(), d);
            return ColumnType.DECIMAL;
        } else if (expression instanceof BooleanLiteral) {
            return ColumnType.BOOLEAN;
        } else if (expression instanceof DateLiteral d) {
            ValueResolver.requireSupported(d.value(), d);
            return ColumnType.DATE;
        } else if (expression instanceof NullLiteral) {
            return null;
        } else if (expression instanceof Negative n) {
            ColumnType operand = type(n.operand());
            Types.requireNumber("a negation needs a number", operand, n.operand());
            return operand == null ? ColumnType.DECIMAL : operand;
        } else if (expression instanceof Arithmetic a) {
            Types.requireNumber("arithmetic needs numbers", type(a.left()), a.left());
            Types.requireNumber("arithmetic needs numbers", type(a.right()), a.right());
            return ColumnType.DECIMAL;
        } else if (expression instanceof FunctionCall f && !f.star() && !f.distinct()) {
            if (!Functions.known(f.name())) {
                throw new PlanningException(PlanningError.UNKNOWN_FUNCTION, "unknown function " + f.name() + "(); use "
                        + String.join(", ", Functions.names()), f.location(), Suggestions.closest(f.name(), Functions.names()));
            }
            return Functions.check(f, f.arguments().stream().map(this::type).toList());
        } else if (expression instanceof Comparison c) {
            ColumnType left = type(c.left());
            ColumnType right = type(c.right());
            if (!Types.compatible(left, right)) {
                throw new PlanningException(PlanningError.TYPE_MISMATCH, "cannot compare " + Types.label(left) + " with "
                        + Types.label(right), c.location());
            }
            return ColumnType.BOOLEAN;
        } else if (expression instanceof Logical l) {
            for (Expression term : l.terms()) {
                Types.requireBoolean(l.operator().name() + " needs conditions (boolean)", type(term), term);
            }
            return ColumnType.BOOLEAN;
        } else if (expression instanceof Not n) {
            Types.requireBoolean("NOT needs a condition (boolean)", type(n.operand()), n.operand());
            return ColumnType.BOOLEAN;
        } else if (expression instanceof IsNull n) {
            type(n.value());
            return ColumnType.BOOLEAN;
        } else if (expression instanceof Case c) {
            return caseType(c);
        }
        throw new PlanningException(PlanningError.UNSUPPORTED, "this expression is not supported here",
                expression.location());
    }

    /** The type CASE results unify to (null when every result is NULL). */
    public ColumnType caseType(Case c) {
        ColumnType common = null;
        for (WhenClause when : c.whenClauses()) {
            Types.requireBoolean("a CASE condition must be boolean", type(when.condition()), when.condition());
            common = result(common, when.result());
        }
        return c.otherwise().isPresent() ? result(common, c.otherwise().get()) : common;
    }

    /** The common type of arguments that must unify (coalesce, greatest, least, nullif). */
    public ColumnType common(List<Expression> expressions) {
        ColumnType common = null;
        for (Expression expression : expressions) {
            common = Types.common(common, type(expression));
        }
        return common;
    }

    private ColumnType result(ColumnType common, Expression result) {
        ColumnType type = type(result);
        if (!Types.compatible(common, type)) {
            throw new PlanningException(PlanningError.TYPE_MISMATCH, "CASE results must have one type, not "
                    + Types.label(common) + " and " + Types.label(type), result.location());
        }
        return Types.common(common, type);
    }
}
