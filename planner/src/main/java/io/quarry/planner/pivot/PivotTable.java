package io.quarry.planner.pivot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pivoted report: row headers down the side, column headers across, and for every cell one
 * value per metric. Totals come from the database at their own grain (ratios and distinct
 * counts recomputed, never summed).
 *
 * @param rowDimensions    names of the dimensions that label rows
 * @param columnDimensions names of the dimensions that label columns
 * @param metrics          names of the values in each cell, in order
 * @param columns          the column headers: one value per column dimension
 * @param rows             the rows, after the report's ORDER BY, OFFSET and LIMIT
 * @param columnTotals     per column, one value per metric
 * @param grandTotal       one value per metric
 * @param totalRows        how many pivot rows there were before OFFSET and LIMIT
 */
public record PivotTable(List<String> rowDimensions, List<String> columnDimensions, List<String> metrics,
                         List<List<Object>> columns, List<Row> rows, List<List<Object>> columnTotals,
                         List<Object> grandTotal, int totalRows) {

    public PivotTable {
        rowDimensions = List.copyOf(rowDimensions);
        columnDimensions = List.copyOf(columnDimensions);
        metrics = List.copyOf(metrics);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        columnTotals = List.copyOf(columnTotals);
        grandTotal = Collections.unmodifiableList(new ArrayList<>(grandTotal));
    }

    public boolean truncated() {
        return rows.size() < totalRows;
    }

    /**
     * One pivot row.
     *
     * @param header one value per row dimension
     * @param cells  per column, one value per metric (null values where no data)
     * @param total  the row total, one value per metric
     */
    public record Row(List<Object> header, List<List<Object>> cells, List<Object> total) {
    }
}
