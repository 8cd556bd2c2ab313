package io.quarry.planner.model;

import io.quarry.ql.ast.Expression;
import java.util.Optional;

/**
 * A number reports aggregate. A base metric aggregates a column of one dataset; a derived
 * metric is an expression over other metrics (divisions are made safe by the planner).
 *
 * @param dataset     the dataset of a base metric
 * @param aggregation how a base metric aggregates
 * @param column      the aggregated column or expression over the dataset's table; empty for count(*)
 * @param derived     the expression of a derived metric, over metric names
 */
public record Metric(String name, Optional<String> dataset, Optional<Aggregation> aggregation,
                     Optional<Expression> column, Optional<Expression> derived, ColumnType type,
                     String label, Format format, String description) {

    public boolean isDerived() {
        return derived.isPresent();
    }
}
