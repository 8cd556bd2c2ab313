package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Format;
import io.quarry.planner.model.TimeGrain;
import java.util.Optional;

/**
 * A column of a report's result, in result order.
 *
 * @param grain    the time bucket of a time dimension's values
 * @param currency the ISO code of a money column's amounts (a metric formatted as currency): the
 *                 report's CURRENCY, else its accounts' one currency; empty where unknown
 */
public record OutputColumn(String name, String label, Kind kind, ColumnType type, Format format,
                           Optional<TimeGrain> grain, Optional<String> currency) {

    public enum Kind { DIMENSION, METRIC }
}
