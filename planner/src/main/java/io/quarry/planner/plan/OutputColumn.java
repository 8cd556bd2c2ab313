package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Format;

/** A column of a report's result, in result order. */
public record OutputColumn(String name, String label, Kind kind, ColumnType type, Format format) {

    public enum Kind { DIMENSION, METRIC }
}
