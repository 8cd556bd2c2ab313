package io.quarry.planner.resolve;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.Format;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ast.ComparePeriod;
import io.quarry.ql.ast.SourceLocation;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A report resolved against the model, separate from (and not annotating) the AST: every name
 * bound to a model element, every value typed, relative dates made absolute.
 *
 * @param scope     the accounts the report reads: the caller's, narrowed by its ACCOUNTS clause
 * @param filters   dimension filters, AND-ed, applied to every dataset's rows
 * @param having    metric filters, AND-ed, applied to the aggregated rows
 * @param datasets  the datasets the metrics aggregate, in first-use order
 * @param totals    the subtotal and grand-total levels, in output order; empty without TOTALS.
 *                  Totals summarise every row WHERE keeps, before HAVING and LIMIT.
 * @param pivot     which dimensions become pivot columns; its LIMIT and OFFSET apply to pivot rows
 * @param compare   the comparison period, whose metrics come out beside the current ones
 * @param currency  the reporting currency money is converted into (CURRENCY), if given
 */
public record ResolvedReport(
        TenantScope scope,
        ZoneId zone,
        TimeRange timeRange,
        List<OutputDimension> dimensions,
        List<OutputMetric> metrics,
        List<Predicate> filters,
        List<Predicate> having,
        List<Ordering> orderBy,
        Optional<Long> limit,
        Optional<Long> offset,
        List<String> datasets,
        List<Level> totals,
        Optional<PivotSpec> pivot,
        Optional<Comparison> compare,
        Optional<String> currency) {

    public ResolvedReport {
        Objects.requireNonNull(scope, "scope");
        dimensions = List.copyOf(dimensions);
        metrics = List.copyOf(metrics);
        filters = List.copyOf(filters);
        having = List.copyOf(having);
        orderBy = List.copyOf(orderBy);
        datasets = List.copyOf(datasets);
        totals = List.copyOf(totals);
        Objects.requireNonNull(pivot, "pivot");
        Objects.requireNonNull(compare, "compare");
        Objects.requireNonNull(currency, "currency");
    }

    /** A dimension column of the result. */
    public record OutputDimension(String name, Dimension dimension, Optional<TimeGrain> grain, String label,
                                  ColumnType type, Format format) {
    }

    /** A metric column of the result. */
    /**
     * A metric of the report's output.
     *
     * @param scale the decimal places a quotient (a ratio or an average: its digits are an
     *              artefact of division) is rounded to, by its format; empty for exact values
     */
    public record OutputMetric(String name, MetricTree metric, String label, ColumnType type, Format format,
                               OptionalInt scale) {
    }

    /**
     * A pivot: the indexes (into {@link #dimensions()}) of its row and column dimensions, and
     * where PIVOT BY is written, for errors about the pivot's size.
     */
    public record PivotSpec(List<Integer> rowDimensions, List<Integer> columnDimensions, SourceLocation location) {
        public PivotSpec {
            rowDimensions = List.copyOf(rowDimensions);
            columnDimensions = List.copyOf(columnDimensions);
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A comparison period: the range it covers, how many days its rows shift forward to line up
     * with the report's own buckets, and the decimal places of each metric's change (a fraction,
     * at the percent format's scale).
     */
    public record Comparison(ComparePeriod period, TimeRange previous, int shiftDays, int changeScale) {
    }

    /** An ORDER BY key: the name of an output column. */
    public record Ordering(String column, boolean descending, Optional<Boolean> nullsFirst) {
    }
}
