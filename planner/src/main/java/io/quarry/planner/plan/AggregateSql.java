package io.quarry.planner.plan;

import io.quarry.planner.model.Aggregation;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.Argument;
import io.quarry.planner.sql.SqlExpr;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An aggregate as SQL, over the facts or over a rollup's measure. Every one of these splits
 * across Citus shards (workers compute partials, the coordinator combines them). Approximate
 * distinct counts are hll sketches where the hll extension is installed (see {@link HllSql}),
 * else exact {@code count(DISTINCT)}.
 */
final class AggregateSql {

    private AggregateSql() {
    }

    static SqlExpr of(Aggregate aggregate, Function<Argument, SqlExpr> arguments, boolean hll) {
        Optional<SqlExpr> argument = aggregate.argument().map(arguments);
        if (hll && aggregate.aggregation() == Aggregation.APPROX_DISTINCT) {
            return HllSql.cardinality(HllSql.sketch(argument.orElseThrow()));
        }
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
     * An aggregate re-aggregated from the rollup column of the measure that answers it: a sum of
     * sums; a sum of counts (zero over no rows, as count is); the min of minima and max of
     * maxima; the cardinality of the union of hll sketches.
     */
    static SqlExpr ofRollup(Aggregate aggregate, SqlExpr measure) {
        return switch (aggregate.aggregation()) {
            case SUM -> SqlExpr.Function.of("sum", measure);
            case MIN -> SqlExpr.Function.of("min", measure);
            case MAX -> SqlExpr.Function.of("max", measure);
            case COUNT -> new SqlExpr.Cast(SqlExpr.Function.of("coalesce", SqlExpr.Function.of("sum", measure),
                    new SqlExpr.IntegerConstant(0)), "bigint");
            case APPROX_DISTINCT -> HllSql.cardinality(SqlExpr.Function.of("hll_union_agg", measure));
            case COUNT_DISTINCT, AVG -> throw new IllegalStateException(aggregate + " does not re-aggregate");
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
