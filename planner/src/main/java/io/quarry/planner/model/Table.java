package io.quarry.planner.model;

import java.util.Map;
import java.util.Optional;

/**
 * A physical table. Tenant tables are distributed by the model's distribution column and
 * every read of them is filtered by the caller's accounts; reference tables are lookups
 * replicated to every node.
 */
public record Table(String name, boolean tenant, Map<String, ColumnType> columns, String description) {

    public Table {
        columns = Map.copyOf(columns);
    }

    public Optional<ColumnType> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }
}
