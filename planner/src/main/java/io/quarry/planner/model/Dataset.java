package io.quarry.planner.model;

/**
 * A fact table that metrics aggregate, with the time column reports filter and bucket on
 * (the partition column: filters on it must stay on the bare column).
 */
public record Dataset(String name, String table, String timeColumn, ColumnType timeType, String description) {
}
