package io.quarry.ql.format;

import io.quarry.ql.ast.*;
import io.quarry.ql.internal.Keywords;
import java.util.List;

/**
 * Writes expressions as canonical text: keywords upper case, one space around binary operators,
 * parentheses only where precedence needs them (and around a negation that follows an operator, so
 * that {@code a - -b} never becomes the comment {@code --}).
 */
public final class ExpressionFormatter {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int PREDICATE = 4;
    private static final int ADDITIVE = 5;
    private static final int MULTIPLICATIVE = 6;
    private static final int UNARY = 7;
    private static final int PRIMARY = 8;

    private ExpressionFormatter() {
    }

    /** Canonical text of an expression. */
    public static String format(Expression expression) {
        StringBuilder out = new StringBuilder();
        write(expression, out);
        return out.toString();
    }

    /** A name as it must be written where reserved words are not names. */
    public static String name(String name) {
        return Keywords.isBare(name) ? name : quoted(name);
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A string literal with quotes doubled. */
    public static String string(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    private static int precedence(Expression expression) {
        if (expression instanceof Logical logical) {
            return logical.operator() == LogicalOperator.OR ? OR : AND;
        }
        if (expression instanceof Not) {
            return NOT;
        }
        if (expression instanceof Comparison || expression instanceof Between || expression instanceof InList
                || expression instanceof Like || expression instanceof IsNull || expression instanceof During) {
            return PREDICATE;
        }
        if (expression instanceof Arithmetic arithmetic) {
            return arithmetic.operator() == ArithmeticOperator.ADD
                    || arithmetic.operator() == ArithmeticOperator.SUBTRACT ? ADDITIVE : MULTIPLICATIVE;
        }
        return expression instanceof Negative ? UNARY : PRIMARY;
    }

    private static void operand(Expression expression, boolean parenthesize, StringBuilder out) {
        if (parenthesize) {
            out.append('(');
            write(expression, out);
            out.append(')');
        } else {
            write(expression, out);
        }
    }

    /** A value-expression position (operand of a predicate): needs parentheses below additive. */
    private static void value(Expression expression, StringBuilder out) {
        operand(expression, precedence(expression) < ADDITIVE, out);
    }

    private static void list(List<Expression> expressions, StringBuilder out) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(expressions.get(i), out);
        }
    }

    static void write(Expression expression, StringBuilder out) {
        if (expression instanceof FieldRef field) {
            for (int i = 0; i < field.path().size(); i++) {
                if (i > 0) {
                    out.append('.');
                }
                out.append(name(field.path().get(i)));
            }
        } else if (expression instanceof Parameter parameter) {
            out.append(':').append(parameter.name());
        } else if (expression instanceof StringLiteral string) {
            out.append(string(string.value()));
        } else if (expression instanceof IntegerLiteral integer) {
            out.append(integer.value());
        } else if (expression instanceof DecimalLiteral decimal) {
            out.append(decimal.value().toPlainString());
        } else if (expression instanceof BooleanLiteral bool) {
            out.append(bool.value() ? "TRUE" : "FALSE");
        } else if (expression instanceof NullLiteral) {
            out.append("NULL");
        } else if (expression instanceof DateLiteral date) {
            out.append("DATE '").append(date.value()).append('\'');
        } else if (expression instanceof FunctionCall call) {
            out.append(name(call.name())).append('(');
            if (call.star()) {
                out.append('*');
            } else {
                if (call.distinct()) {
                    out.append("DISTINCT ");
                }
                list(call.arguments(), out);
            }
            out.append(')');
        } else if (expression instanceof Arithmetic arithmetic) {
            int own = precedence(arithmetic);
            operand(arithmetic.left(), precedence(arithmetic.left()) < own, out);
            out.append(' ').append(arithmetic.operator().symbol()).append(' ');
            operand(arithmetic.right(), precedence(arithmetic.right()) <= own
                    || arithmetic.right() instanceof Negative, out);
        } else if (expression instanceof Negative negative) {
            out.append('-');
            operand(negative.operand(), precedence(negative.operand()) < PRIMARY, out);
        } else if (expression instanceof Comparison comparison) {
            value(comparison.left(), out);
            out.append(' ').append(comparison.operator().symbol()).append(' ');
            value(comparison.right(), out);
        } else if (expression instanceof Logical logical) {
            int own = precedence(logical);
            String separator = logical.operator() == LogicalOperator.AND ? " AND " : " OR ";
            for (int i = 0; i < logical.terms().size(); i++) {
                if (i > 0) {
                    out.append(separator);
                }
                Expression term = logical.terms().get(i);
                operand(term, precedence(term) <= own, out);
            }
        } else if (expression instanceof Not not) {
            out.append("NOT ");
            operand(not.operand(), precedence(not.operand()) < NOT, out);
        } else if (expression instanceof Between between) {
            value(between.value(), out);
            out.append(between.negated() ? " NOT BETWEEN " : " BETWEEN ");
            value(between.lower(), out);
            out.append(" AND ");
            value(between.upper(), out);
        } else if (expression instanceof InList in) {
            value(in.value(), out);
            out.append(in.negated() ? " NOT IN (" : " IN (");
            list(in.values(), out);
            out.append(')');
        } else if (expression instanceof Like like) {
            value(like.value(), out);
            out.append(like.negated() ? " NOT" : "").append(like.caseInsensitive() ? " ILIKE " : " LIKE ");
            value(like.pattern(), out);
        } else if (expression instanceof IsNull isNull) {
            value(isNull.value(), out);
            out.append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (expression instanceof During during) {
            value(during.value(), out);
            out.append(" DURING ").append(during.range().name());
        } else if (expression instanceof Case caseExpression) {
            out.append("CASE");
            for (WhenClause when : caseExpression.whenClauses()) {
                out.append(" WHEN ");
                write(when.condition(), out);
                out.append(" THEN ");
                write(when.result(), out);
            }
            caseExpression.otherwise().ifPresent(otherwise -> {
                out.append(" ELSE ");
                write(otherwise, out);
            });
            out.append(" END");
        }
    }
}
