package io.quarry.api.reports;

import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.pivot.PivotAssembler;
import io.quarry.planner.pivot.PivotTable;
import io.quarry.planner.plan.Paging;
import io.quarry.planner.plan.OutputColumn;
import io.quarry.planner.plan.PlannedQuery;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.ResolvedReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A query's result as the API's answers: rows with totals apart, or a pivot table. */
final class ReportResponses {

    private ReportResponses() {
    }

    /**
     * Detail rows (at most {@code maxRows}) and total rows with their level; a paged report's
     * count of detail rows before its page comes with its detail rows (see {@link Paging}).
     */
    static ReportResponse rows(PlannedQuery query, QueryResult result, double planMillis, int maxRows) {
        List<ReportResponse.Column> columns = query.columns().stream().map(ReportResponse.Column::of).toList();
        int width = columns.size();
        boolean totals = !query.report().totals().isEmpty();
        boolean counted = Paging.counted(query.report());
        List<List<Object>> detail = new ArrayList<>();
        List<ReportResponse.Total> totalRows = new ArrayList<>();
        Long count = null;
        for (List<Object> row : result.rows()) {
            int level = totals ? ((Number) row.get(width)).intValue() : 0;
            List<Object> values = row.subList(0, width);
            if (level != 0) {
                totalRows.add(new ReportResponse.Total(levelKind(query, level), values));
                continue;
            }
            if (counted && count == null) {
                count = ((Number) row.get(totals ? width + 1 : width)).longValue();
            }
            detail.add(values);
        }
        boolean capped = detail.size() > maxRows;
        if (capped) {
            detail = detail.subList(0, maxRows);
        }
        ResolvedReport report = query.report();
        long offset = report.offset().orElse(0L);
        Long total = counted ? (count != null || offset == 0 ? (count == null ? 0L : count) : null)
                : capped ? null : (long) detail.size();
        boolean truncated = capped || (total != null ? detail.size() < total : offset > 0);
        return new ReportResponse(columns, detail, totalRows, new ReportResponse.Meta(round(planMillis),
                round(result.queryMillis()), detail.size(), total, report.offset().orElse(null),
                report.limit().orElse(null), truncated, result.cached()));
    }

    /** The pivot table of a pivot report's rows; more columns or rows than allowed is a located 422. */
    static PivotResponse pivot(PlannedQuery query, QueryResult result, double planMillis, int maxColumns,
                               int maxRows) {
        PivotTable table = PivotAssembler.assemble(query, result.rows(), maxColumns, maxRows);
        Map<String, OutputColumn> byName = new HashMap<>();
        query.columns().forEach(c -> byName.put(c.name(), c));
        List<Optional<TimeGrain>> rowGrains = table.rowDimensions().stream().map(d -> byName.get(d).grain()).toList();
        List<Optional<TimeGrain>> columnGrains = table.columnDimensions().stream().map(d -> byName.get(d).grain())
                .toList();
        return new PivotResponse(columns(table.rowDimensions(), byName), columns(table.columnDimensions(), byName),
                columns(table.metrics(), byName), table.columns(),
                table.columns().stream().map(c -> HeaderLabels.of(c, columnGrains)).toList(),
                table.rows().stream().map(r -> new PivotResponse.Row(r.header(), HeaderLabels.of(r.header(), rowGrains),
                        r.cells(), r.total())).toList(),
                table.columnTotals(), table.grandTotal(), new PivotResponse.Meta(round(planMillis),
                        round(result.queryMillis()), table.totalRows(), query.report().offset().orElse(null),
                        query.report().limit().orElse(null), table.truncated(), result.cached()));
    }

    /** A result column's description, as answers give it. */
    private static List<ReportResponse.Column> columns(List<String> names, Map<String, OutputColumn> byName) {
        return names.stream().map(name -> ReportResponse.Column.of(byName.get(name))).toList();
    }

    /** "detail" for level 0, else the kind of total the level is ("grand", "subtotal", ...). */
    static String levelKind(PlannedQuery query, int level) {
        return level == 0 ? "detail" : query.report().totals().stream().filter(l -> l.number() == level)
                .map(Level::kind).findFirst().orElse("total");
    }

    static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
