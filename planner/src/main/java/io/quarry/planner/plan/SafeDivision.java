package io.quarry.planner.plan;

import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.Operator;

/**
 * Division as metrics need it: in numeric arithmetic (so integer sums do not truncate) and
 * null rather than an error when the divisor is zero: {@code (a)::numeric / nullif(b, 0)}; and
 * modulo the same way: {@code mod(a, nullif(b, 0))}.
 */
final class SafeDivision {

    private SafeDivision() {
    }

    static SqlExpr modulo(SqlExpr dividend, SqlExpr divisor) {
        return SqlExpr.Function.of("mod", dividend, SqlExpr.Function.of("nullif", divisor, new IntegerConstant(0)));
    }

    static SqlExpr of(SqlExpr dividend, SqlExpr divisor) {
        return new Binary(Operator.DIVIDE, new Cast(dividend, "numeric"),
                SqlExpr.Function.of("nullif", divisor, new IntegerConstant(0)));
    }
}
