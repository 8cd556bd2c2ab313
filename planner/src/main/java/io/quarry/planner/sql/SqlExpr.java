package io.quarry.planner.sql;

import io.quarry.planner.model.TimeGrain;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scalar SQL expression. User values only ever enter as {@link Bind}; identifiers only as
 * {@link Column} names, quoted when rendered; constants the planner itself needs (a zero, a
 * time grain) have their own node types.
 */
public sealed interface SqlExpr {

    /** {@code "qualifier"."name"}, or {@code "name"} when the qualifier is null. */
    record Column(String qualifier, String name) implements SqlExpr {
        public Column {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A bind parameter: {@code ?::type}. */
    record Bind(BindValue value) implements SqlExpr {
    }

    /** An integer written by the planner (never a user value). */
    record IntegerConstant(long value) implements SqlExpr {
    }

    /** NULL, written by the planner (e.g. for a dataset's missing columns in a UNION ALL). */
    record Null() implements SqlExpr {
    }

    /** A time grain name as a {@code date_trunc} field. */
    record Grain(TimeGrain grain) implements SqlExpr {
    }

    /** {@code name([DISTINCT] args) [FILTER (WHERE filter)]}, or {@code name(*)}. */
    record Function(String name, List<SqlExpr> arguments, boolean distinct, boolean star,
                    Optional<SqlExpr> filter) implements SqlExpr {
        public Function {
            arguments = List.copyOf(arguments);
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a function name: " + name);
            }
        }

        public static Function of(String name, SqlExpr... arguments) {
            return new Function(name, List.of(arguments), false, false, Optional.empty());
        }
    }

    /** {@code count(*) OVER ()}: the number of rows the query has before its LIMIT and OFFSET. */
    record CountOver() implements SqlExpr {
    }

    /** A binary operator application, parenthesised when rendered (see {@code ExpressionRenderer}). */
    record Binary(Operator operator, SqlExpr left, SqlExpr right) implements SqlExpr {
    }

    /** AND or OR over several terms. */
    record Junction(Operator operator, List<SqlExpr> terms) implements SqlExpr {
        public Junction {
            terms = List.copyOf(terms);
            if (operator != Operator.AND && operator != Operator.OR) {
                throw new IllegalArgumentException("a junction is AND or OR");
            }
        }
    }

    record Not(SqlExpr operand) implements SqlExpr {
    }

    record Negate(SqlExpr operand) implements SqlExpr {
    }

    record IsNull(SqlExpr operand, boolean negated) implements SqlExpr {
    }

    record In(SqlExpr operand, List<SqlExpr> values, boolean negated) implements SqlExpr {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code operand = ANY(?::type[])}: the form Citus prunes shards with. */
    record EqualsAny(SqlExpr operand, Bind array) implements SqlExpr {
    }

    /** {@code operand::type}. */
    record Cast(SqlExpr operand, String type) implements SqlExpr {
        public Cast {
            if (!type.matches("[a-z ]+(\\[\\])?")) {
                throw new IllegalArgumentException("not a type name: " + type);
            }
        }
    }

    /** {@code operand AT TIME ZONE zone}. */
    record AtTimeZone(SqlExpr operand, SqlExpr zone) implements SqlExpr {
    }

    record Case(List<When> whens, Optional<SqlExpr> otherwise) implements SqlExpr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record When(SqlExpr condition, SqlExpr result) {
    }

    /** Operators, with their SQL spelling. */
    enum Operator {
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"),
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        AND("AND"), OR("OR"), LIKE("LIKE"), ILIKE("ILIKE"), NOT_LIKE("NOT LIKE"), NOT_ILIKE("NOT ILIKE"),
        IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /**
         * The precedence level of an arithmetic operator (1 for + and -, 2 for * and /), 0 for
         * the others: operators of one level associate left to right.
         */
        public int arithmeticLevel() {
            return switch (this) {
                case PLUS, MINUS -> 1;
                case TIMES, DIVIDE -> 2;
                default -> 0;
            };
        }

        /** Whether the operator compares (and so binds tighter than AND / OR). */
        public boolean comparison() {
            return switch (this) {
                case EQ, NE, LT, LE, GT, GE, LIKE, ILIKE, NOT_LIKE, NOT_ILIKE, IS_NOT_DISTINCT_FROM -> true;
                default -> false;
            };
        }
    }
}
