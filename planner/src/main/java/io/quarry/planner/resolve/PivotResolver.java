package io.quarry.planner.resolve;

import io.quarry.planner.resolve.ResolvedReport.OutputDimension;
import io.quarry.planner.resolve.ResolvedReport.PivotSpec;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.Report;
import io.quarry.ql.format.ExpressionFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code PIVOT BY}: the named dimensions become columns, the others rows. A pivot
 * always has row totals, column totals and a grand total, so it brings its own total levels;
 * {@code TOTALS GRAND}, or a subtotal by the last row dimension, is then redundant; other
 * subtotals are refused.
 */
final class PivotResolver {

    private PivotResolver() {
    }

    static Optional<PivotSpec> pivot(Report report, List<OutputDimension> dimensions, ReportOutput output) {
        if (report.pivotBy().isEmpty()) {
            if (output == ReportOutput.PIVOT) {
                throw new PlanningException(PlanningError.UNSUPPORTED, "a pivot report needs PIVOT BY"
                        + " (JSON: \"pivotBy\")", report.location());
            }
            return Optional.empty();
        }
        if (output == ReportOutput.ROWS) {
            throw new PlanningException(PlanningError.UNSUPPORTED, "PIVOT BY asks for a pivot table, and rows were asked"
                    + " for: POST the report to /reports/pivot, or leave PIVOT BY out", report.pivotBy().get(0).location());
        }
        List<Integer> columns = new ArrayList<>();
        for (Expression expression : report.pivotBy()) {
            String name = expression instanceof FieldRef ref ? ref.dotted() : ExpressionFormatter.format(expression);
            int index = indexOf(dimensions, name);
            if (index < 0) {
                throw new PlanningException(PlanningError.UNKNOWN_FIELD, "PIVOT BY names a dimension of the report;"
                        + " '" + name + "' is not one", expression.location(),
                        Suggestions.closest(name, dimensions.stream().map(OutputDimension::name).toList()));
            }
            if (!columns.contains(index)) {
                columns.add(index);
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            if (!columns.contains(i)) {
                rows.add(i);
            }
        }
        report.totals().ifPresent(totals -> {
            for (Expression subtotal : totals.subtotals()) {
                String name = subtotal instanceof FieldRef ref ? ref.dotted() : ExpressionFormatter.format(subtotal);
                int index = indexOf(dimensions, name);
                if (index < 0 || rows.isEmpty() || index != rows.get(rows.size() - 1)) {
                    throw new PlanningException(PlanningError.UNSUPPORTED, "with PIVOT, SUBTOTALS may only name the"
                            + " last row dimension (the pivot's row totals); a pivot has row, column and grand totals",
                            subtotal.location());
                }
            }
        });
        return Optional.of(new PivotSpec(rows, columns, report.pivotBy().get(0).location()));
    }

    /** Row totals (row dimensions only), column totals (column dimensions only), grand total. */
    static List<Level> levels(PivotSpec pivot) {
        List<Level> levels = new ArrayList<>();
        if (!pivot.rowDimensions().isEmpty()) {
            levels.add(new Level(1, "row total", pivot.rowDimensions()));
        }
        levels.add(new Level(levels.size() + 1, "column total", pivot.columnDimensions()));
        levels.add(new Level(levels.size() + 1, "grand", List.of()));
        return levels;
    }

    private static int indexOf(List<OutputDimension> dimensions, String name) {
        for (int i = 0; i < dimensions.size(); i++) {
            if (dimensions.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
