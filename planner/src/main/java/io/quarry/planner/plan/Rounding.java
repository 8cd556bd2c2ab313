package io.quarry.planner.plan;

import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Cast;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.Operator;

/**
 * The last step of an output metric's value: a quotient (a ratio, an average, a COMPARE change)
 * is rounded to its format's scale, {@code round(value, scale)} (cast to numeric unless a division
 * already is), so answers carry
 * stable digits instead of division's twenty; exact values pass unchanged. HAVING and totals'
 * arithmetic use the unrounded values (see {@link io.quarry.planner.model.FormatScales}).
 */
final class Rounding {

    private Rounding() {
    }

    static SqlExpr of(OutputMetric metric, SqlExpr value) {
        return metric.scale().isPresent() ? to(value, metric.scale().getAsInt()) : value;
    }

    static SqlExpr to(SqlExpr value, int scale) {
        boolean numeric = value instanceof Binary b && b.operator() == Operator.DIVIDE; // see SafeDivision
        return SqlExpr.Function.of("round", numeric ? value : new Cast(value, "numeric"), new IntegerConstant(scale));
    }
}
