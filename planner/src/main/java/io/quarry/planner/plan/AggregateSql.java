package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Table;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.Argument;
import io.quarry.planner.resolve.MetricTree.DimensionValue;
import io.quarry.planner.resolve.MetricTree.FactExpression;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.ql.ast.FieldRef;
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
     * inputs of one UNION as text). Counts are bigint, sums and averages numeric (PostgreSQL
     * unifies them with bigint or double precision inputs); min and max have their argument's
     * type where it is a column or a dimension, numeric otherwise.
     */
    static String resultType(Aggregate aggregate, Table fact) {
        return switch (aggregate.aggregation()) {
            case COUNT, COUNT_DISTINCT, APPROX_DISTINCT -> "bigint";
            case SUM, AVG -> "numeric";
            case MIN, MAX -> aggregate.argument().flatMap(argument -> argumentType(argument, fact))
                    .map(ColumnType::sqlType).orElse("numeric");
        };
    }

    private static Optional<ColumnType> argumentType(Argument argument, Table fact) {
        if (argument instanceof DimensionValue dimension) {
            return Optional.of(dimension.dimension().type());
        }
        if (argument instanceof FactExpression expression && expression.expression() instanceof FieldRef ref
                && ref.path().size() == 1) {
            return fact.column(ref.path().get(0));
        }
        return Optional.empty();
    }

    private static SqlExpr call(String name, SqlExpr argument, boolean distinct) {
        return new SqlExpr.Function(name, List.of(argument), distinct, false, Optional.empty());
    }
}
