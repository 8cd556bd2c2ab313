package io.quarry.planner.resolve;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.ql.ast.Arithmetic;
import io.quarry.ql.ast.ArithmeticOperator;
import io.quarry.ql.ast.BooleanLiteral;
import io.quarry.ql.ast.DateLiteral;
import io.quarry.ql.ast.DecimalLiteral;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FunctionCall;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.Negative;
import io.quarry.ql.ast.NullLiteral;
import io.quarry.ql.ast.Parameter;
import io.quarry.ql.ast.StringLiteral;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Turns literal values and {@code :parameters} into typed bind values, checking them against
 * the type of what they are compared with. {@code today()} is today in the report's time zone.
 */
final class ValueResolver {

    private final Map<String, Object> parameters;
    private final LocalDate today;

    ValueResolver(Map<String, Object> parameters, LocalDate today) {
        this.parameters = parameters;
        this.today = today;
    }

    LocalDate today() {
        return today;
    }

    BindValue value(Expression expression, ColumnType type, String what) {
        Object value = constant(expression);
        if (value == null) {
            return new BindValue(null, bindType(type));
        }
        Object converted = convert(value, type);
        if (converted == null) {
            throw new PlanningException(PlanningError.TYPE_MISMATCH, what + " is " + type.label() + ", but "
                    + describe(value) + " is not", expression.location());
        }
        return new BindValue(converted, bindType(type));
    }

    /** A date value: a date literal, a DATE parameter, or today() plus or minus whole days. */
    LocalDate date(Expression expression) {
        Object value = constant(expression);
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // fall through to the error below
            }
        }
        throw new PlanningException(PlanningError.TYPE_MISMATCH, "date is compared with a date, such as DATE '2026-01-31'"
                + " or today() - 7, not " + describe(value), expression.location());
    }

    long integer(Expression expression, String what) {
        Object value = constant(expression);
        if (value instanceof Long number) {
            return number;
        }
        throw new PlanningException(PlanningError.TYPE_MISMATCH, what + " must be a whole number, not "
                + describe(value), expression.location());
    }

    private Object constant(Expression expression) {
        if (expression instanceof StringLiteral s) {
            return s.value();
        } else if (expression instanceof IntegerLiteral i) {
            return i.value();
        } else if (expression instanceof DecimalLiteral d) {
            return d.value();
        } else if (expression instanceof BooleanLiteral b) {
            return b.value();
        } else if (expression instanceof DateLiteral d) {
            return d.value();
        } else if (expression instanceof NullLiteral) {
            return null;
        } else if (expression instanceof Parameter p) {
            if (!parameters.containsKey(p.name())) {
                throw new PlanningException(PlanningError.PARAMETER_MISSING, "no value for parameter :" + p.name(),
                        p.location());
            }
            return parameters.get(p.name());
        } else if (expression instanceof FunctionCall f && f.name().equals("today") && f.arguments().isEmpty()
                && !f.star()) {
            return today;
        } else if (expression instanceof Negative n) {
            Object operand = constant(n.operand());
            if (operand instanceof Long l) {
                return -l;
            }
            if (operand instanceof BigDecimal d) {
                return d.negate();
            }
        } else if (expression instanceof Arithmetic a && (a.operator() == ArithmeticOperator.ADD
                || a.operator() == ArithmeticOperator.SUBTRACT)) {
            Object left = constant(a.left());
            Object right = constant(a.right());
            if (left instanceof LocalDate date && right instanceof Long days) {
                return a.operator() == ArithmeticOperator.ADD ? date.plusDays(days) : date.minusDays(days);
            }
        }
        throw new PlanningException(PlanningError.INVALID_VALUE,
                "expected a value (a literal, a :parameter or today()), not an expression over fields",
                expression.location());
    }

    private static Object convert(Object value, ColumnType type) {
        return switch (type) {
            case STRING -> value instanceof String ? value : null;
            case INTEGER -> value instanceof Long ? value
                    : value instanceof Integer i ? Long.valueOf(i) : null;
            case DECIMAL -> value instanceof BigDecimal ? value
                    : value instanceof Long l ? BigDecimal.valueOf(l)
                    : value instanceof Integer i ? BigDecimal.valueOf(i) : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case DATE -> value instanceof LocalDate ? value : null;
            case TIMESTAMP -> null;
        };
    }

    static BindType bindType(ColumnType type) {
        return switch (type) {
            case INTEGER -> BindType.BIGINT;
            case DECIMAL -> BindType.NUMERIC;
            case STRING -> BindType.TEXT;
            case BOOLEAN -> BindType.BOOLEAN;
            case DATE -> BindType.DATE;
            case TIMESTAMP -> BindType.TIMESTAMPTZ;
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        if (value instanceof LocalDate d) {
            return "the date " + d;
        }
        return value instanceof Boolean ? "the boolean " + value : "the number " + value;
    }
}
