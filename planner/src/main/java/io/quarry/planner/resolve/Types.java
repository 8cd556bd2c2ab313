package io.quarry.planner.resolve;

import io.quarry.planner.model.ColumnType;
import io.quarry.ql.ast.Expression;

/**
 * The type rules the planner checks expressions with, as PostgreSQL applies them. A type is a
 * {@link ColumnType}, or {@code null} for the NULL literal, which takes the type its context
 * gives it. Numbers (integer and decimal) mix, and so do dates and timestamps; nothing else does.
 */
public final class Types {

    private Types() {
    }

    /** The type's name in messages. */
    public static String label(ColumnType type) {
        return type == null ? "NULL" : type.label();
    }

    /** Whether two types compare and unify (in CASE results, coalesce, greatest, ...). */
    public static boolean compatible(ColumnType a, ColumnType b) {
        return a == null || b == null || a == b || (a.numeric() && b.numeric()) || (temporal(a) && temporal(b));
    }

    /** The type two compatible types unify to. */
    public static ColumnType common(ColumnType a, ColumnType b) {
        if (a == null || a == b) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.numeric() ? ColumnType.DECIMAL : ColumnType.TIMESTAMP;
    }

    /** Whether a value of the type is a number (NULL can be). */
    public static boolean number(ColumnType type) {
        return type == null || type.numeric();
    }

    /** Refuses a type that is not a number: "{@code what} needs a number, not string". */
    static void requireNumber(String what, ColumnType type, Expression where) {
        if (!number(type)) {
            throw new PlanningException(PlanningError.TYPE_MISMATCH, what + ", not " + label(type), where.location());
        }
    }

    /** Refuses a type that is not boolean: "{@code what}, not integer". */
    static void requireBoolean(String what, ColumnType type, Expression where) {
        if (type != null && type != ColumnType.BOOLEAN) {
            throw new PlanningException(PlanningError.TYPE_MISMATCH, what + ", not " + label(type), where.location());
        }
    }

    private static boolean temporal(ColumnType type) {
        return type == ColumnType.DATE || type == ColumnType.TIMESTAMP;
    }
}
