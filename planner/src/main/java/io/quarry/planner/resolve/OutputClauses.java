package io.quarry.planner.resolve;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.resolve.ResolvedReport.Ordering;
import io.quarry.planner.resolve.ResolvedReport.OutputDimension;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.ql.ast.CompareClause;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.NullOrdering;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SortItem;
import io.quarry.ql.ast.SortOrder;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.ast.Totals;
import io.quarry.ql.format.ExpressionFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The clauses that shape a report's output once its columns are resolved: ORDER BY (over the
 * output columns), the TOTALS levels, and the COMPARE period.
 */
final class OutputClauses {

    private OutputClauses() {
    }

    static List<Ordering> orderBy(Report report, List<OutputDimension> dimensions, List<OutputMetric> metrics,
                                  SemanticModel model) {
        Map<String, Boolean> outputs = new LinkedHashMap<>();
        dimensions.forEach(d -> outputs.put(d.name(), true));
        metrics.forEach(m -> outputs.put(m.name(), true));
        List<Ordering> orderings = new ArrayList<>();
        for (SortItem item : report.orderBy()) {
            String key = item.key() instanceof FieldRef ref ? ref.dotted() : ExpressionFormatter.format(item.key());
            if (!outputs.containsKey(key)) {
                throw notAColumn(key, item, outputs.keySet(), model);
            }
            Optional<Boolean> nullsFirst = item.nulls() == NullOrdering.UNSPECIFIED ? Optional.empty()
                    : Optional.of(item.nulls() == NullOrdering.FIRST);
            orderings.add(new Ordering(key, item.order() == SortOrder.DESC, nullsFirst));
        }
        return orderings;
    }

    /**
     * ORDER BY of a name that is no output column: a model metric or dimension the report does
     * not select gets the fix (select it), anything else the closest columns.
     */
    private static PlanningException notAColumn(String key, SortItem item, Set<String> outputs,
                                                SemanticModel model) {
        String what = model.metrics().containsKey(key) ? "METRICS" : model.dimensions().containsKey(key)
                || model.dimensions().containsKey(key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key)
                ? "DIMENSIONS" : null;
        String detail = what != null
                ? "ORDER BY sorts by the report's columns; '" + key + "' is not selected: add it to " + what
                : "ORDER BY names a column of the report; '" + key + "' is not one";
        List<String> closest = Suggestions.closest(key, outputs);
        return new PlanningException(PlanningError.UNKNOWN_FIELD, detail + " (the columns: " + String.join(", ", outputs)
                + ")", item.key().location(), closest);
    }

    /** Totals and pivots total metrics: a report with neither metrics nor anything to total is refused there. */
    static void requireMetricsToTotal(Report report, List<OutputMetric> metrics, boolean totals) {
        if (totals && metrics.isEmpty()) {
            SourceLocation at = report.pivotBy().isEmpty() ? report.totals().orElseThrow().location()
                    : report.pivotBy().get(0).location();
            throw new PlanningException(PlanningError.UNSUPPORTED, (report.pivotBy().isEmpty() ? "TOTALS" : "a pivot")
                    + " totals the report's metrics, and it has none: add METRICS", at);
        }
    }

    /**
     * Subtotal levels keep the report's dimensions up to and including the named one (so
     * {@code SUBTOTALS (campaign.name)} over campaign.name, date.month gives one row per
     * campaign); the grand total keeps none.
     */
    static List<Level> totals(Totals totals, List<OutputDimension> dimensions) {
        List<Level> levels = new ArrayList<>();
        for (Expression subtotal : totals.subtotals()) {
            String name = subtotal instanceof FieldRef ref ? ref.dotted() : ExpressionFormatter.format(subtotal);
            int index = -1;
            for (int i = 0; i < dimensions.size(); i++) {
                if (dimensions.get(i).name().equals(name)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new PlanningException(PlanningError.UNKNOWN_FIELD, "SUBTOTALS names a dimension of the report;"
                        + " '" + name + "' is not one", subtotal.location(),
                        Suggestions.closest(name, dimensions.stream().map(OutputDimension::name).toList()));
            }
            if (index == dimensions.size() - 1) {
                throw new PlanningException(PlanningError.INVALID_VALUE, "a subtotal by the last dimension repeats"
                        + " the detail rows; subtotal by an earlier one", subtotal.location());
            }
            List<Integer> kept = IntStream.rangeClosed(0, index).boxed().toList();
            if (levels.stream().noneMatch(l -> l.dimensions().equals(kept))) {
                levels.add(new Level(levels.size() + 1, "subtotal", kept));
            }
        }
        if (totals.grand()) {
            levels.add(new Level(levels.size() + 1, "grand", List.of()));
        }
        return levels;
    }

    /** COMPARE computes each metric's change, so each must be a number (not a minimum of names, say). */
    static void requireNumbers(Report report, List<OutputMetric> metrics) {
        for (int i = 0; i < metrics.size(); i++) {
            ColumnType type = MetricTrees.type(metrics.get(i).metric());
            if (!type.numeric()) {
                throw new PlanningException(PlanningError.TYPE_MISMATCH, "COMPARE computes the change of every metric,"
                        + " so each must be a number; '" + metrics.get(i).name() + "' is " + type.label(),
                        report.metrics().get(i).expression().location());
            }
        }
    }

    /**
     * The previous period: as long as the report's range and just before it, or one year earlier;
     * changes are fractions, rounded to {@code changeScale} places.
     */
    static ResolvedReport.Comparison comparison(CompareClause clause, TimeRange range, int changeScale) {
        if (range.from() == null || range.to() == null) {
            throw new PlanningException(PlanningError.DATE_FILTER_SHAPE, "COMPARE needs a date range with a start and"
                    + " an end, such as date DURING LAST_30_DAYS", clause.location());
        }
        TimeRange previous = switch (clause.period()) {
            case PREVIOUS_PERIOD -> new TimeRange(range.from().minusDays(range.days()), range.from());
            case SAME_PERIOD_LAST_YEAR -> new TimeRange(range.from().minusYears(1), range.to().minusYears(1));
        };
        int shift = (int) (range.from().toEpochDay() - previous.from().toEpochDay());
        return new ResolvedReport.Comparison(clause.period(), previous, shift, changeScale);
    }
}
