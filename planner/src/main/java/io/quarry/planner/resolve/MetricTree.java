package io.quarry.planner.resolve;

import io.quarry.planner.model.Aggregation;
import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dimension;
import io.quarry.ql.ast.ArithmeticOperator;
import io.quarry.ql.ast.Expression;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A metric resolved down to aggregates: derived metrics are expanded, so every leaf is an
 * aggregate of one dataset or a number. The planner computes the aggregates in that dataset's
 * base CTE and the arithmetic over the aggregated rows.
 */
public sealed interface MetricTree {

    /**
     * An aggregate over the rows of one dataset.
     *
     * @param argument empty for count(*)
     * @param type     the type of its values (counts are integers, sums and averages decimals, a
     *                 minimum or maximum has its argument's type); it follows from the other
     *                 components, so equal aggregates have equal types
     */
    record Aggregate(String dataset, Aggregation aggregation, Optional<Argument> argument, ColumnType type)
            implements MetricTree {
    }

    /** What an aggregate aggregates. */
    sealed interface Argument {
    }

    /** An expression over the columns of the dataset's table and over dimensions. */
    record FactExpression(Expression expression) implements Argument {
    }

    /** A dimension's value, e.g. {@code count(DISTINCT ad.id)}. */
    record DimensionValue(Dimension dimension) implements Argument {
    }

    /** Arithmetic; a division is rendered safe (a zero divisor gives null). */
    record Arithmetic(ArithmeticOperator operator, MetricTree left, MetricTree right) implements MetricTree {
    }

    record Negative(MetricTree operand) implements MetricTree {
    }

    record Number(BigDecimal value) implements MetricTree {
    }

    /** nullif, coalesce, abs, round, greatest, least over metric values. */
    record Function(String name, List<MetricTree> arguments) implements MetricTree {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }
}
