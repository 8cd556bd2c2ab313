package io.quarry.planner.model;

import io.quarry.ql.ast.Expression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rollup of a dataset: its rows aggregated per account, key columns and time bucket into a
 * table of their own, which the planner reads instead of the facts when it answers a report
 * exactly (see {@code plan.RollupChoice}). The table has the distribution column, the keys and
 * the dataset's time column (holding the bucket's start) under the fact table's names, and one
 * column per measure.
 *
 * @param keys     fact columns kept besides the distribution column, in the table's key order
 * @param measures the aggregates kept per row
 */
public record Rollup(String name, String dataset, RollupGrain grain, List<String> keys, List<Measure> measures) {

    public Rollup {
        keys = List.copyOf(keys);
        measures = List.copyOf(measures);
    }

    /**
     * An aggregate the rollup keeps: {@code sum(clicks)}, {@code count(*)}, {@code min(x)},
     * {@code max(x)} or {@code approx_distinct(user_id)} (an hll sketch).
     *
     * @param column   the rollup table's column holding it
     * @param argument the aggregated expression over fact columns; empty for count(*)
     */
    public record Measure(String column, Aggregation aggregation, Optional<Expression> argument, ColumnType type) {
    }

    /** The rollup's table as the planner reads it: a tenant table like its dataset's. */
    public Table table(Dataset dataset, Table facts, String distributionColumn) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        columns.put(distributionColumn, ColumnType.INTEGER);
        keys.forEach(key -> columns.put(key, facts.column(key).orElse(ColumnType.STRING)));
        columns.put(dataset.timeColumn(), dataset.timeType());
        measures.forEach(m -> columns.put(m.column(), m.type()));
        return new Table(name, true, columns, "Rollup of " + dataset.name() + " by " + grain.field());
    }
}
