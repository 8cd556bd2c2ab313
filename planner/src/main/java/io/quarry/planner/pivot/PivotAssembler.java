package io.quarry.planner.pivot;

import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.PlanningError;
import io.quarry.planner.resolve.PlanningException;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.ResolvedReport.Ordering;
import io.quarry.planner.resolve.ResolvedReport.PivotSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a planned pivot report into a {@link PivotTable}. Refuses more columns than
 * the cap with a clear error, then orders the pivot rows (by the report's ORDER BY: a dimension,
 * or a metric's row total) and applies OFFSET and LIMIT to them.
 */
public final class PivotAssembler {

    private PivotAssembler() {
    }

    /**
     * @param rows       the planned query's rows, values in column order and the level last
     * @param maxColumns the most pivot columns allowed
     * @param maxRows    the most result rows allowed (the caller reads at most one more)
     */
    public static PivotTable assemble(PlannedQuery query, List<List<Object>> rows, int maxColumns, int maxRows) {
        ResolvedReport report = query.report();
        PivotSpec pivot = report.pivot().orElseThrow(() -> new IllegalArgumentException("not a pivot report"));
        if (rows.size() > maxRows) {
            throw new PlanningException(PlanningError.PIVOT_TOO_LONG, "the pivot's query returns more than " + maxRows
                    + " rows; filter the report or pivot by fewer or coarser dimensions", pivot.location());
        }
        List<String> names = query.columns().stream().map(OutputColumn::name).toList();
        List<String> rowNames = pivot.rowDimensions().stream().map(i -> report.dimensions().get(i).name()).toList();
        List<String> columnNames = pivot.columnDimensions().stream().map(i -> report.dimensions().get(i).name()).toList();
        List<String> metrics = query.columns().stream()
                .filter(c -> c.kind() == OutputColumn.Kind.METRIC).map(OutputColumn::name).toList();
        int[] rowAt = positions(names, rowNames);
        int[] columnAt = positions(names, columnNames);
        int[] metricAt = positions(names, metrics);
        int rowTotalLevel = pivot.rowDimensions().isEmpty() ? -1 : 1;
        int columnTotalLevel = pivot.rowDimensions().isEmpty() ? 1 : 2;
        int grandLevel = columnTotalLevel + 1;

        Map<List<Object>, Integer> columnIndex = new LinkedHashMap<>();
        Map<List<Object>, List<Object>> columnTotals = new HashMap<>();
        Map<List<Object>, Map<List<Object>, List<Object>>> cells = new LinkedHashMap<>();
        Map<List<Object>, List<Object>> rowTotals = new HashMap<>();
        List<Object> grand = Collections.nCopies(metrics.size(), null);
        for (List<Object> row : rows) {
            int level = ((Number) row.get(row.size() - 1)).intValue();
            List<Object> rowKey = values(row, rowAt);
            List<Object> columnKey = values(row, columnAt);
            List<Object> metricValues = values(row, metricAt);
            if (level == 0) {
                columnIndex.putIfAbsent(columnKey, columnIndex.size());
                cells.computeIfAbsent(rowKey, k -> new HashMap<>()).put(columnKey, metricValues);
            } else if (level == rowTotalLevel) {
                rowTotals.put(rowKey, metricValues);
                cells.computeIfAbsent(rowKey, k -> new HashMap<>());
            } else if (level == columnTotalLevel) {
                columnIndex.putIfAbsent(columnKey, columnIndex.size());
                columnTotals.put(columnKey, metricValues);
            } else if (level == grandLevel) {
                grand = metricValues;
            }
        }
        if (columnIndex.size() > maxColumns) {
            throw new PlanningException(PlanningError.PIVOT_TOO_WIDE, "the pivot would have " + columnIndex.size()
                    + " columns, more than the limit of " + maxColumns + "; filter the report or pivot by fewer or"
                    + " coarser dimensions", pivot.location());
        }
        List<List<Object>> columns = new ArrayList<>(columnIndex.keySet());
        columns.sort(KEY_ORDER);
        List<List<Object>> rowKeys = new ArrayList<>(cells.keySet());
        rowKeys.sort(rowOrder(report, rowNames, metrics, rowTotals));
        int offset = (int) Math.min(rowKeys.size(), report.offset().orElse(0L));
        // LIMIT and OFFSET may each be Long.MAX_VALUE: saturate instead of overflowing their sum.
        int end = (int) Math.min(rowKeys.size(), offset + Math.min(report.limit().orElse(Long.MAX_VALUE), rowKeys.size()));
        List<PivotTable.Row> pivotRows = new ArrayList<>();
        List<Object> empty = Collections.nCopies(metrics.size(), null);
        for (List<Object> rowKey : rowKeys.subList(offset, end)) {
            Map<List<Object>, List<Object>> byColumn = cells.get(rowKey);
            List<List<Object>> rowCells = columns.stream().map(c -> byColumn.getOrDefault(c, empty)).toList();
            pivotRows.add(new PivotTable.Row(rowKey, rowCells, rowTotals.getOrDefault(rowKey, empty)));
        }
        return new PivotTable(rowNames, columnNames, metrics, columns, pivotRows,
                columns.stream().map(c -> columnTotals.getOrDefault(c, empty)).toList(), grand, rowKeys.size());
    }

    private static Comparator<List<Object>> rowOrder(ResolvedReport report, List<String> rowNames, List<String> metrics,
                                                    Map<List<Object>, List<Object>> rowTotals) {
        Comparator<List<Object>> order = null;
        for (Ordering ordering : report.orderBy()) {
            int dimension = rowNames.indexOf(ordering.column());
            int metric = metrics.indexOf(ordering.column());
            if (dimension < 0 && metric < 0) {
                continue;
            }
            boolean nullsFirst = ordering.nullsFirst().orElse(ordering.descending());
            Comparator<Object> values = nullable(ordering.descending(), nullsFirst);
            Comparator<List<Object>> key = dimension >= 0
                    ? Comparator.comparing(k -> k.get(dimension), values)
                    : Comparator.comparing(k -> rowTotals.getOrDefault(k, Collections.nCopies(metrics.size(), null))
                            .get(metric), values);
            order = order == null ? key : order.thenComparing(key);
        }
        return order == null ? KEY_ORDER : order.thenComparing(KEY_ORDER);
    }

    /** Natural order of header tuples, nulls last (as SQL sorts ascending). */
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        Comparator<Object> values = nullable(false, false);
        for (int i = 0; i < a.size(); i++) {
            int c = values.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object> nullable(boolean descending, boolean nullsFirst) {
        Comparator<Object> natural = (x, y) -> ((Comparable) x).compareTo(y);
        Comparator<Object> ordered = descending ? natural.reversed() : natural;
        return nullsFirst ? Comparator.nullsFirst(ordered) : Comparator.nullsLast(ordered);
    }

    private static int[] positions(List<String> names, List<String> wanted) {
        return wanted.stream().mapToInt(names::indexOf).toArray();
    }

    private static List<Object> values(List<Object> row, int[] positions) {
        List<Object> values = new ArrayList<>(positions.length);
        for (int position : positions) {
            values.add(row.get(position));
        }
        return Collections.unmodifiableList(values);
    }
}
