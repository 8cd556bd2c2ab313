package io.quarry.planner.plan;

import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.Argument;
import io.quarry.planner.sql.SqlExpr;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An aggregate as SQL. Every one of these splits across Citus shards (workers compute partials,
 * the coordinator combines them). Approximate distinct counts are exact {@code count(DISTINCT)}
 * here: the hll extension is not assumed.
 */
final class AggregateSql {

    private AggregateSql() {
    }

    static SqlExpr of(Aggregate aggregate, Function<Argument, SqlExpr> arguments) {
        Optional<SqlExpr> argument = aggregate.argument().map(arguments);
        return switch (aggregate.aggregation()) {
            case SUM -> call("sum", argument.orElseThrow(), false);
            case AVG -> call("avg", argument.orElseThrow(), false);
            case MIN -> call("min", argument.orElseThrow(), false);
            case MAX -> call("max", argument.orElseThrow(), false);
            case COUNT -> argument.map(a -> call("count", a, false))
                    .orElse(new SqlExpr.Function("count", List.of(), false, true, Optional.empty()));
            case COUNT_DISTINCT, APPROX_DISTINCT -> call("count", argument.orElseThrow(), true);
        };
    }

    private static SqlExpr call(String name, SqlExpr argument, boolean distinct) {
        return new SqlExpr.Function(name, List.of(argument), distinct, false, Optional.empty());
    }
}
