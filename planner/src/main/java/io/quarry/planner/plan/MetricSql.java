package io.quarry.planner.plan;

import io.quarry.planner.resolve.MetricTree;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Operator;
import java.util.Optional;
import java.util.function.Function;

/**
 * A metric over aggregated rows: its aggregates read from CTE columns, divisions and modulo made
 * safe, round's places an integer.
 */
final class MetricSql {

    private MetricSql() {
    }

    static SqlExpr of(MetricTree tree, Function<Aggregate, SqlExpr> columns) {
        if (tree instanceof Aggregate aggregate) {
            return columns.apply(aggregate);
        } else if (tree instanceof MetricTree.Number n) {
            return RowExpressions.number(n.value());
        } else if (tree instanceof MetricTree.Negative n) {
            return new SqlExpr.Negate(of(n.operand(), columns));
        } else if (tree instanceof MetricTree.Function f && f.name().equals("round")) {
            // round(numeric, integer): PostgreSQL has no round(numeric, numeric), and round(bigint) is a double.
            SqlExpr value = new SqlExpr.Cast(of(f.arguments().get(0), columns), "numeric");
            return f.arguments().size() == 1 ? SqlExpr.Function.of("round", value)
                    : SqlExpr.Function.of("round", value, RowExpressions.integer(places(f.arguments().get(1))));
        } else if (tree instanceof MetricTree.Function f) {
            return new SqlExpr.Function(f.name(), f.arguments().stream().map(a -> of(a, columns)).toList(), false, false,
                    Optional.empty());
        } else if (tree instanceof MetricTree.Arithmetic a) {
            SqlExpr left = of(a.left(), columns);
            SqlExpr right = of(a.right(), columns);
            return switch (a.operator()) {
                case ADD -> new Binary(Operator.PLUS, left, right);
                case SUBTRACT -> new Binary(Operator.MINUS, left, right);
                case MULTIPLY -> new Binary(Operator.TIMES, left, right);
                case DIVIDE -> SafeDivision.of(left, right);
                case MODULUS -> SafeDivision.modulo(left, right);
            };
        }
        throw new IllegalStateException("unknown metric node " + tree);
    }

    /** The places of round(x, places): a whole number, possibly negated (checked when resolved). */
    private static long places(MetricTree places) {
        if (places instanceof MetricTree.Negative n) {
            return -places(n.operand());
        }
        return ((MetricTree.Number) places).value().longValueExact();
    }
}
