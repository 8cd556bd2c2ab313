package io.quarry.planner.resolve;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.ExpressionTrees;
import io.quarry.planner.model.Format;
import io.quarry.planner.model.Metric;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.resolve.ResolvedReport.OutputDimension;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.planner.resolve.ResolvedReport.Ordering;
import io.quarry.planner.tenant.TenantScope;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.IntegerOrParameter;
import io.quarry.ql.ast.ParameterDeclaration;
import io.quarry.ql.ast.Report;
import io.quarry.ql.ast.SelectItem;
import io.quarry.ql.ast.SourceLocation;
import io.quarry.ql.format.ExpressionFormatter;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Resolves a parsed report against the semantic model into a {@link ResolvedReport}: names bound
 * to dimensions and metrics (with suggestions when unknown), values typed, relative dates made
 * absolute in the report's time zone, the account scope narrowed to what the caller may read.
 */
public final class Resolver {

    private static final String SYSTEM_V = "SystemV/";

    private final SemanticModel model;
    private final Clock clock;

    private final PlannerLimits limits;

    public Resolver(SemanticModel model, Clock clock, PlannerLimits limits) {
        this.model = model;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * @param permitted  the accounts the caller may read (from its token); the report reads these or fewer
     * @param parameters values of the report's {@code :parameters}
     * @param output     rows, or a pivot table (which needs PIVOT BY)
     */
    public ResolvedReport resolve(Report report, TenantScope permitted, Map<String, Object> parameters,
                                  ReportOutput output) {
        ZoneId zone = zone(report);
        Map<String, Object> values = withDefaults(report, parameters);
        ValueResolver valueResolver = new ValueResolver(values, LocalDate.now(clock.withZone(zone)));
        Optional<String> fromDataset = report.dataset().map(id -> {
            if (model.dataset(id.name()).isEmpty()) {
                throw new PlanningException(PlanningError.UNKNOWN_FIELD, "unknown dataset '" + id.name() + "'",
                        id.location(), Suggestions.closest(id.name(), model.datasets().stream().map(d -> d.name()).toList()));
            }
            return id.name();
        });
        MetricResolver metricResolver = new MetricResolver(model, fromDataset.or(() -> inferDataset(report)));
        List<OutputDimension> dimensions = report.dimensions().stream().map(this::dimension).toList();
        List<OutputMetric> metrics = new ArrayList<>();
        for (SelectItem item : report.metrics()) {
            metrics.add(metric(item, metricResolver));
        }
        Map<String, OutputMetric> aliases = new HashMap<>();
        metrics.forEach(m -> aliases.put(m.name(), m));
        FilterResolver filters = new FilterResolver(model, metricResolver, valueResolver, aliases, limits);
        FilterResolver.Where where = report.where().map(filters::where)
                .orElse(new FilterResolver.Where(List.of(), TimeRange.ALL));
        TimeRange range = boundedByToday(where.range(), valueResolver.today(), report);
        List<Predicate> having = report.having().map(filters::having).orElse(List.of());
        List<Ordering> orderBy = OutputClauses.orderBy(report, dimensions, metrics, model);
        Optional<Long> limit = report.limit().map(l -> nonNegative(valueResolver.integer(l, "LIMIT"), l));
        Optional<Long> offset = report.offset().map(o -> nonNegative(valueResolver.integer(o, "OFFSET"), o));
        TenantScope scope = AccountsClause.narrow(report, permitted, valueResolver);
        List<String> datasets = datasets(metrics, having, fromDataset);
        FromClause.requireRead(report, datasets);
        Optional<ResolvedReport.PivotSpec> pivot = PivotResolver.pivot(report, dimensions, output);
        List<Level> totals = pivot.map(PivotResolver::levels)
                .orElseGet(() -> report.totals().map(t -> OutputClauses.totals(t, dimensions)).orElse(List.of()));
        OutputClauses.requireMetricsToTotal(report, metrics, !totals.isEmpty());
        Optional<ResolvedReport.Comparison> compare = report.compare().map(c -> OutputClauses.comparison(c, range,
                model.formatScales().of(Format.PERCENT)));
        if (compare.isPresent()) {
            OutputClauses.requireNumbers(report, metrics);
        }
        OutputNames.check(report, dimensions, metrics, compare.isPresent(), !totals.isEmpty());
        OutputNames.checkAggregates(report, dimensions, metrics, having, compare.isPresent());
        ResolvedReport resolved = new ResolvedReport(scope, zone, range, dimensions, metrics,
                where.filters(), having, orderBy, limit, offset, datasets, totals, pivot, compare,
                report.currency().map(c -> c.code()));
        new ReachabilityCheck(model).check(resolved, report);
        requireStart(range, where.range(), report);
        return resolved;
    }

    /**
     * The report's days: a range without an end ends today (in the report's zone), and no range
     * may cover more than the max-days limit.
     */
    private TimeRange boundedByToday(TimeRange written, LocalDate today, Report report) {
        boolean endless = written.to() == null;
        TimeRange range = endless ? new TimeRange(written.from(), today.plusDays(1)) : written;
        String note = endless ? " (a range without an end ends today)" : "";
        if (range.empty()) {
            throw new PlanningException(PlanningError.DATE_FILTER_SHAPE, "the date conditions leave no day to report on"
                    + note, report.where().orElseThrow().location());
        }
        if (range.from() != null && range.days() > limits.maxDays()) {
            throw new PlanningException(PlanningError.LIMIT_EXCEEDED, "the date range covers " + range.days() + " days"
                    + note + ", more than the limit of " + limits.maxDays(), report.where().orElseThrow().location());
        }
        return range;
    }

    /**
     * Every report reads a bounded range of days (at most max-days): one without a start is
     * refused, after every other check, saying how to add one.
     */
    private void requireStart(TimeRange range, TimeRange written, Report report) {
        if (range.from() != null) {
            return;
        }
        String hint = " (at most " + limits.maxDays() + " days)";
        SourceLocation location = report.where().map(w -> w.location()).orElse(report.location());
        throw new PlanningException(PlanningError.DATE_RANGE_REQUIRED, written.equals(TimeRange.ALL)
                ? "the report has no date range; add one such as date DURING LAST_30_DAYS" + hint
                : "the date range has no start; add one such as date >= today() - 30 or date DURING LAST_30_DAYS" + hint,
                location);
    }

    /**
     * The report's zone. Java's deprecated {@code SystemV/*} zones are refused: PostgreSQL does
     * not know them, and its {@code AT TIME ZONE} would fail.
     */
    private static ZoneId zone(Report report) {
        return report.timezone().map(tz -> {
            try {
                if (!tz.zoneId().startsWith(SYSTEM_V)) {
                    return ZoneId.of(tz.zoneId());
                }
            } catch (DateTimeException e) {
                // refused below
            }
            throw new PlanningException(PlanningError.UNKNOWN_TIME_ZONE, "unknown time zone '" + tz.zoneId()
                    + "'; use an IANA name such as 'Europe/Helsinki'", tz.location(), Suggestions.closest(tz.zoneId(),
                    ZoneId.getAvailableZoneIds().stream().filter(id -> !id.startsWith(SYSTEM_V)).toList()));
        }).orElse(ZoneOffset.UTC);
    }

    private static Map<String, Object> withDefaults(Report report, Map<String, Object> given) {
        Map<String, Object> values = new HashMap<>(given);
        for (ParameterDeclaration declaration : report.parameters()) {
            String name = declaration.name().name();
            if (!values.containsKey(name) && declaration.defaultValue().isPresent()) {
                values.put(name, new ValueResolver(Map.of(), LocalDate.now(ZoneOffset.UTC))
                        .value(declaration.defaultValue().get(), columnType(declaration), "parameter :" + name).value());
            }
        }
        return values;
    }

    private static ColumnType columnType(ParameterDeclaration declaration) {
        return switch (declaration.type()) {
            case STRING -> ColumnType.STRING;
            case INTEGER -> ColumnType.INTEGER;
            case DECIMAL -> ColumnType.DECIMAL;
            case BOOLEAN -> ColumnType.BOOLEAN;
            case DATE -> ColumnType.DATE;
        };
    }

    /** The one dataset the report's model metrics use, for inline aggregates such as count(*). */
    private Optional<String> inferDataset(Report report) {
        Set<String> datasets = new LinkedHashSet<>();
        for (SelectItem item : report.metrics()) {
            for (FieldRef ref : ExpressionTrees.fieldRefs(item.expression())) {
                Metric metric = model.metrics().get(ref.dotted());
                if (metric != null) {
                    datasets.addAll(datasetsOf(metric));
                }
            }
        }
        return datasets.size() == 1 ? Optional.of(datasets.iterator().next()) : Optional.empty();
    }

    private Set<String> datasetsOf(Metric metric) {
        if (!metric.isDerived()) {
            return Set.of(metric.dataset().orElseThrow());
        }
        Set<String> datasets = new LinkedHashSet<>();
        for (FieldRef ref : ExpressionTrees.fieldRefs(metric.derived().orElseThrow())) {
            datasets.addAll(datasetsOf(model.metrics().get(ref.dotted())));
        }
        return datasets;
    }

    private OutputDimension dimension(SelectItem item) {
        if (!(item.expression() instanceof FieldRef ref)) {
            throw new PlanningException(PlanningError.UNSUPPORTED, "a dimension is a dimension name such as"
                    + " campaign.name or date.month", item.expression().location());
        }
        String name = item.alias().map(a -> a.name()).orElse(ref.dotted());
        Dimension dimension = model.dimensions().get(ref.dotted());
        if (dimension != null) {
            Optional<TimeGrain> grain = dimension.time() ? Optional.of(TimeGrain.DAY) : Optional.empty();
            return new OutputDimension(name, dimension, grain, dimension.label(), dimension.type(), dimension.format());
        }
        if (ref.path().size() == 2 && model.dimensions().containsKey(ref.path().get(0))
                && model.dimensions().get(ref.path().get(0)).time()) {
            Dimension time = model.dimensions().get(ref.path().get(0));
            Optional<TimeGrain> grain = TimeGrain.find(ref.path().get(1)).filter(time.grains()::contains);
            if (grain.isPresent()) {
                return new OutputDimension(name, time, grain, time.label() + " (" + grain.get().field() + ")",
                        ColumnType.DATE, Format.DATE);
            }
            throw new PlanningException(PlanningError.UNKNOWN_FIELD, "unknown grain '" + ref.path().get(1) + "' of "
                    + time.name() + " (" + String.join(", ", time.grains().stream().sorted().map(TimeGrain::field).toList())
                    + ")", ref.location());
        }
        List<String> known = new ArrayList<>(model.dimensions().keySet());
        model.dimensions().values().stream().filter(Dimension::time)
                .forEach(t -> t.grains().forEach(g -> known.add(t.name() + "." + g.field())));
        String message = model.metrics().containsKey(ref.dotted())
                ? "'" + ref.dotted() + "' is a metric; list it under METRICS"
                : "unknown dimension '" + ref.dotted() + "'";
        throw new PlanningException(PlanningError.UNKNOWN_FIELD, message, ref.location(),
                model.metrics().containsKey(ref.dotted()) ? List.of() : Suggestions.closest(ref.dotted(), known));
    }

    private OutputMetric metric(SelectItem item, MetricResolver resolver) {
        Expression expression = item.expression();
        if (expression instanceof FieldRef ref && model.dimensions().containsKey(ref.dotted())) {
            throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "'" + ref.dotted()
                    + "' is a dimension; list it under DIMENSIONS or aggregate it, e.g. count(DISTINCT "
                    + ref.dotted() + ")", ref.location());
        }
        MetricTree tree = resolver.resolve(expression);
        if (MetricTrees.aggregates(tree).isEmpty()) {
            throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "a metric needs an aggregate, such as"
                    + " sum(spend) or count(*); '" + ExpressionFormatter.format(expression) + "' has none",
                    expression.location());
        }
        if (expression instanceof FieldRef ref) {
            Metric metric = model.metrics().get(ref.dotted());
            return output(item.alias().map(a -> a.name()).orElse(ref.dotted()), tree, metric.label(),
                    metric.type(), metric.format());
        }
        String name = item.alias().map(a -> a.name()).orElse(ExpressionFormatter.format(expression));
        ColumnType type = MetricTrees.type(tree);
        if (type == ColumnType.INTEGER) {
            // count(*), count(DISTINCT ad.id), min/max of an integer column: whole numbers.
            return output(name, tree, name, ColumnType.INTEGER, Format.INTEGER);
        }
        if (type.numeric()) {
            return output(name, tree, name, ColumnType.DECIMAL, Format.NUMBER);
        }
        return output(name, tree, name, type, type == ColumnType.DATE ? Format.DATE : Format.TEXT);
    }

    /** An output metric; a quotient (a ratio, an average) is rounded to its format's scale. */
    private OutputMetric output(String name, MetricTree tree, String label, ColumnType type, Format format) {
        OptionalInt scale = MetricTrees.quotient(tree) ? OptionalInt.of(model.formatScales().of(format))
                : OptionalInt.empty();
        return new OutputMetric(name, tree, label, type, format, scale);
    }

    private static long nonNegative(long value, IntegerOrParameter where) {
        if (value < 0) {
            throw new PlanningException(PlanningError.INVALID_VALUE, "must not be negative", where.location());
        }
        return value;
    }

    private List<String> datasets(List<OutputMetric> metrics, List<Predicate> having, Optional<String> from) {
        Set<String> datasets = new LinkedHashSet<>();
        metrics.forEach(m -> MetricTrees.datasets(m.metric(), datasets));
        having.forEach(p -> MetricTrees.datasets(p, datasets));
        if (datasets.isEmpty()) {
            datasets.add(from.orElseGet(() -> model.datasets().stream().map(d -> d.name()).sorted().findFirst().orElseThrow()));
        }
        return List.copyOf(datasets);
    }
}
