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

    /**
     * The SQL type of an aggregate's values, for NULLs that stand in for them (stitching several
     * datasets stacks rows with UNION ALL, and PostgreSQL types a column that is NULL in both
     * inputs of one UNION as text): counts are bigint, sums and averages numeric (PostgreSQL
     * unifies them with bigint or double precision inputs), a minimum or maximum has its
     * argument's type (text for {@code max(lower(campaign.name))}), as resolution typed it.
     */
    static String resultType(Aggregate aggregate) {
        return aggregate.type().sqlType();
    }

    private static SqlExpr call(String name, SqlExpr argument, boolean distinct) {
        return new SqlExpr.Function(name, List.of(argument), distinct, false, Optional.empty());
    }
}
