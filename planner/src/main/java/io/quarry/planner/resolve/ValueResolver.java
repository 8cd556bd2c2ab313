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
import io.quarry.ql.format.ExpressionFormatter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Turns literal values and {@code :parameters} into typed bind values, checking them against
 * the type of what they are compared with. {@code today()} is today in the report's time zone.
 * Values PostgreSQL cannot take are refused where they are written: text with NUL (U+0000),
 * dates outside 0001-01-01 to 9999-12-31 (also as the result of {@code today() - n}), numbers of
 * more than {@value #MAX_DIGITS} digits.
 */
final class ValueResolver {

    static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    static final int MAX_DIGITS = 1_000;

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
                LocalDate date = LocalDate.parse(text);
                requireSupported(date, expression);
                return date;
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
            requireText(s.value(), "a string", s);
            return s.value();
        } else if (expression instanceof IntegerLiteral i) {
            return i.value();
        } else if (expression instanceof DecimalLiteral d) {
            requireDigits(d.value(), d);
            return d.value();
        } else if (expression instanceof BooleanLiteral b) {
            return b.value();
        } else if (expression instanceof DateLiteral d) {
            requireSupported(d.value(), d);
            return d.value();
        } else if (expression instanceof NullLiteral) {
            return null;
        } else if (expression instanceof Parameter p) {
            if (!parameters.containsKey(p.name())) {
                throw new PlanningException(PlanningError.PARAMETER_MISSING, "no value for parameter :" + p.name(),
                        p.location());
            }
            return parameter(p, parameters.get(p.name()));
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
                return plusDays(date, a.operator() == ArithmeticOperator.ADD ? days : -days, a);
            }
        }
        throw new PlanningException(PlanningError.INVALID_VALUE,
                "expected a value (a literal, a :parameter or today()), not an expression over fields",
                expression.location());
    }

    /** A parameter's value, refused where PostgreSQL could not take it. */
    private static Object parameter(Parameter p, Object value) {
        if (value instanceof String text) {
            requireText(text, "parameter :" + p.name(), p);
        } else if (value instanceof LocalDate date && (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE))) {
            throw outside("parameter :" + p.name() + " (" + date + ")", p);
        } else if (value instanceof BigDecimal number) {
            requireDigits(number, p);
        }
        return value;
    }

    /** {@code date} plus {@code days}, refused outside the supported dates (and never overflowing). */
    private static LocalDate plusDays(LocalDate date, long days, Expression where) {
        if (days == Long.MIN_VALUE) {
            throw outside(ExpressionFormatter.format(where), where);
        }
        try {
            long day = Math.addExact(date.toEpochDay(), days);
            if (day < FIRST_DATE.toEpochDay() || day > LAST_DATE.toEpochDay()) {
                throw outside(ExpressionFormatter.format(where), where);
            }
            return LocalDate.ofEpochDay(day);
        } catch (ArithmeticException e) {
            throw outside(ExpressionFormatter.format(where), where);
        }
    }

    /** Refuses a date outside 0001-01-01 to 9999-12-31, naming it as written. */
    static void requireSupported(LocalDate date, Expression where) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw outside(ExpressionFormatter.format(where), where);
        }
    }

    private static PlanningException outside(String what, Expression where) {
        return new PlanningException(PlanningError.INVALID_VALUE, what + " is outside the supported dates, "
                + FIRST_DATE + " to " + LAST_DATE, where.location());
    }

    /** Refuses text with NUL (U+0000), which PostgreSQL text cannot hold. */
    static void requireText(String text, String what, Expression where) {
        if (text.indexOf('\0') >= 0) {
            throw new PlanningException(PlanningError.INVALID_VALUE, what.startsWith("parameter")
                    ? what + " contains the NUL character (U+0000), which text cannot hold"
                    : what + " must not contain the NUL character (U+0000)", where.location());
        }
    }

    /** Refuses a number too long for PostgreSQL's numeric to take (and to compute with). */
    static void requireDigits(BigDecimal number, Expression where) {
        if (number.precision() > MAX_DIGITS || Math.abs(number.scale()) > MAX_DIGITS) {
            throw new PlanningException(PlanningError.INVALID_VALUE, "a number may have at most " + MAX_DIGITS
                    + " digits", where.location());
        }
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
