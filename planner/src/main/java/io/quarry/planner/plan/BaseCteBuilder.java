package io.quarry.planner.plan;

import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dataset;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.Join;
import io.quarry.planner.model.Rollup;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.model.TimeGrain;
import io.quarry.planner.resolve.Level;
import io.quarry.planner.resolve.MetricTree;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.DimensionValue;
import io.quarry.planner.resolve.MetricTree.FactExpression;
import io.quarry.planner.resolve.AggregateDimensions;
import io.quarry.planner.resolve.MetricTrees;
import io.quarry.planner.resolve.Predicate;
import io.quarry.planner.resolve.ResolvedReport;
import io.quarry.planner.resolve.ResolvedReport.OutputDimension;
import io.quarry.planner.resolve.ResolvedReport.OutputMetric;
import io.quarry.planner.resolve.RowTypes;
import io.quarry.planner.resolve.TimeRange;
import io.quarry.planner.sql.BindType;
import io.quarry.planner.sql.BindValue;
import io.quarry.planner.sql.SqlExpr;
import io.quarry.planner.sql.SqlExpr.Binary;
import io.quarry.planner.sql.SqlExpr.Bind;
import io.quarry.planner.sql.SqlExpr.Column;
import io.quarry.planner.sql.SqlExpr.IntegerConstant;
import io.quarry.planner.sql.SqlExpr.Operator;
import io.quarry.planner.sql.SqlQuery.Cte;
import io.quarry.planner.sql.SqlQuery.From;
import io.quarry.planner.sql.SqlQuery.Item;
import io.quarry.planner.sql.SqlQuery.JoinType;
import io.quarry.planner.sql.SqlQuery.Joined;
import io.quarry.planner.sql.SqlQuery.Select;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CTE shaping: builds the base CTE of one dataset. It reads the fact table and the entity
 * tables the report needs (each along its one join path), puts the tenant filter on every
 * tenant table it reads, the time range on the bare time column, pushes the dimension filters
 * down, and groups by the report's dimensions.
 */
final class BaseCteBuilder {

    private final SemanticModel model;
    private final ResolvedReport report;
    private final RollupChoice rollups;
    private final boolean hll;

    BaseCteBuilder(SemanticModel model, ResolvedReport report, RollupCoverage coverage, boolean hll) {
        this.model = model;
        this.report = report;
        this.rollups = new RollupChoice(model, report, coverage, hll);
        this.hll = hll;
    }

    BaseCte build(String datasetName, int index) {
        return build(datasetName, "base_" + index + "_" + datasetName, Level.detail(report));
    }

    /** The base CTE of a dataset at a level's grain (the dimensions the level keeps). */
    BaseCte build(String datasetName, String name, Level level) {
        return build(datasetName, name, level, report.timeRange(), 0);
    }

    /**
     * The base CTE of a dataset at a level's grain over a time range; with a shift (a comparison
     * period) the time dimension's buckets move forward by that many days.
     */
    BaseCte build(String datasetName, String name, Level level, TimeRange range, int shiftDays) {
        Dataset dataset = model.dataset(datasetName).orElseThrow();
        String factAlias = datasetName;
        Set<Aggregate> aggregates = aggregatesOf(datasetName);
        boolean converts = Money.converts(model, report, datasetName);
        RollupChoice.Choice source = rollups.choose(datasetName, level, range, shiftDays, aggregates, converts);
        Table facts = source.rollup().map(model::tableOf).orElse(model.tableOf(datasetName));
        Map<String, Join> joins = joinsNeeded(datasetName);
        boolean pre = source.rollup().isEmpty()
                && PreAggregation.applies(report, model, dataset, level, joins.values(), aggregates);
        List<SqlExpr> where = new ArrayList<>();
        List<String> tables = new ArrayList<>(List.of(facts.name()));
        From from = TableReads.of(model, facts, factAlias, report.scope());
        Set<String> currencyOnly = new LinkedHashSet<>();
        if (converts) {
            // Each row's amounts convert at its day's rate, so the rates join the facts themselves
            // (inside the pre-aggregation when there is one), through the path to the rows' currency.
            // That path's joins are left joins (see ExchangeRates) unless the report needs them anyway.
            Map<String, Join> currencyPath = new LinkedHashMap<>();
            addPath(datasetName, model.dimensions().get(dataset.currency().orElseThrow()), currencyPath);
            if (pre) {
                From path = joined(from, currencyPath.values(), tables, currencyPath.keySet());
                from = currencyJoin(path, dataset, tables);
            } else {
                currencyOnly.addAll(currencyPath.keySet());
                currencyOnly.removeAll(joins.keySet());
                currencyPath.putAll(joins);
                joins = currencyPath;
            }
        }
        List<SqlExpr> factFilters = new ArrayList<>(timeRange(dataset, factAlias, range));
        for (Predicate filter : report.filters()) {
            SqlExpr condition = PredicateSql.of(filter, operand -> dimension(
                    ((Predicate.DimensionOperand) operand).dimension(), Optional.empty(), dataset, factAlias, 0));
            boolean onFacts = MetricTrees.dimensions(filter).stream().allMatch(d -> PreAggregation.onFacts(d, dataset));
            (pre && onFacts ? factFilters : where).add(condition);
        }
        Map<Integer, SqlExpr> dimensions = new LinkedHashMap<>();
        for (int i = 0; i < report.dimensions().size(); i++) {
            OutputDimension output = report.dimensions().get(i);
            if (level.keeps(i)) {
                dimensions.put(i, dimension(output.dimension(), output.grain(), dataset, factAlias, shiftDays));
            }
        }
        if (pre) {
            List<SqlExpr> partials = aggregates.stream()
                    .map(a -> factAggregate(a, dataset, converts && Money.isMoney(model, a))).toList();
            Map<Integer, SqlExpr> onFacts = new LinkedHashMap<>();
            dimensions.forEach((i, expression) -> {
                if (PreAggregation.onFacts(report.dimensions().get(i).dimension(), dataset)) {
                    onFacts.put(i, expression);
                }
            });
            from = PreAggregation.table(model, dataset, factAlias, from, factFilters, joins.values(), onFacts, partials);
            onFacts.keySet().forEach(i -> dimensions.put(i, new Column(factAlias, PreAggregation.dimension(i))));
        } else {
            where.addAll(0, factFilters);
        }
        from = joined(from, joins.values(), tables, currencyOnly);
        if (converts && !pre) {
            from = currencyJoin(from, dataset, tables);
        }
        List<Item> items = new ArrayList<>();
        List<String> dimensionColumns = new ArrayList<>();
        List<SqlExpr> groupBy = new ArrayList<>();
        for (int i = 0; i < report.dimensions().size(); i++) {
            if (!level.keeps(i)) {
                dimensionColumns.add(null);
                continue;
            }
            String column = "d" + i;
            items.add(new Item(dimensions.get(i), column));
            dimensionColumns.add(column);
            groupBy.add(new IntegerConstant(items.size()));
        }
        Map<Aggregate, String> aggregateColumns = new LinkedHashMap<>();
        Map<Aggregate, String> aggregateTypes = new LinkedHashMap<>();
        for (Aggregate aggregate : aggregates) {
            String column = "a" + aggregateColumns.size();
            Rollup.Measure measure = source.measures().get(aggregate);
            SqlExpr value = pre ? AggregateSql.ofRollup(aggregate, new Column(factAlias,
                    PreAggregation.partial(aggregateColumns.size())))
                    : measure != null ? AggregateSql.ofRollup(aggregate, converts && Money.isMoney(model, aggregate)
                            ? ExchangeRates.convert(new Column(factAlias, measure.column()))
                            : new Column(factAlias, measure.column()))
                    : factAggregate(aggregate, dataset, converts && Money.isMoney(model, aggregate));
            aggregateColumns.put(aggregate, column);
            aggregateTypes.put(aggregate, AggregateSql.resultType(aggregate));
            items.add(new Item(value, column));
        }
        Select select = Select.of(items, from).where(where).groupBy(groupBy);
        return new BaseCte(datasetName, new Cte(name, true, select), dimensionColumns, aggregateColumns,
                aggregateTypes, tables, pre ? source.reason() + "; aggregates the facts by account_id, join keys and"
                        + " their own dimensions before joining" : source.reason());
    }

    /**
     * {@code from} joined with each of {@code joins} in order (tenant tables through their tenant
     * reads); a left join where the model says the join is optional or its target is in {@code left}.
     */
    private From joined(From from, Collection<Join> joins, List<String> tables, Set<String> left) {
        for (Join join : joins) {
            Table target = model.tableOf(join.to());
            tables.add(target.name());
            from = new Joined(from, join.optional() || left.contains(join.to()) ? JoinType.LEFT : JoinType.INNER,
                    TableReads.of(model, target, join.to(), report.scope()), JoinRule.on(model, join, join.from(), join.to()));
        }
        return from;
    }

    /** The exchange rates of each fact row's day, from its currency and into the report's. */
    private From currencyJoin(From from, Dataset dataset, List<String> tables) {
        tables.add(model.exchangeRates().orElseThrow());
        return ExchangeRates.join(from, model.exchangeRates().orElseThrow(), dataset, dataset.name(), dimension(
                model.dimensions().get(dataset.currency().orElseThrow()), Optional.empty(), dataset, dataset.name(), 0),
                report.currency().orElseThrow());
    }

    /** An aggregate over the fact rows themselves; {@code money} converts the amounts it reads. */
    private SqlExpr factAggregate(Aggregate aggregate, Dataset dataset, boolean money) {
        String factAlias = dataset.name();
        return AggregateSql.of(aggregate, argument -> argument instanceof DimensionValue d
                ? dimension(d.dimension(), Optional.empty(), dataset, factAlias, 0)
                : RowExpressions.translate(((FactExpression) argument).expression(),
                        RowTypes.of(model, model.tableOf(dataset.name())),
                        ref -> model.dimensions().containsKey(ref.dotted())
                                ? dimension(model.dimensions().get(ref.dotted()), Optional.empty(), dataset, factAlias, 0)
                                : money && dataset.money().contains(ref.dotted())
                                ? ExchangeRates.convert(new Column(factAlias, ref.dotted()))
                                : new Column(factAlias, ref.dotted())), hll);
    }

    private SqlExpr dimension(Dimension dimension, Optional<TimeGrain> grain, Dataset dataset,
                              String factAlias, int shiftDays) {
        return DimensionSql.of(model, dimension, grain, dataset, factAlias, node -> node, report.zone(), shiftDays);
    }

    /** The aggregates of this dataset in the report's metrics and HAVING, each once, in order. */
    private Set<Aggregate> aggregatesOf(String dataset) {
        Set<Aggregate> aggregates = new LinkedHashSet<>();
        for (OutputMetric metric : report.metrics()) {
            MetricTrees.aggregates(metric.metric()).stream().filter(a -> a.dataset().equals(dataset))
                    .forEach(aggregates::add);
        }
        for (Predicate having : report.having()) {
            for (MetricTree metric : MetricTrees.metrics(having)) {
                MetricTrees.aggregates(metric).stream().filter(a -> a.dataset().equals(dataset))
                        .forEach(aggregates::add);
            }
        }
        return aggregates;
    }

    /** The joins from the dataset to every entity the report uses, each once, nearest first. */
    private Map<String, Join> joinsNeeded(String dataset) {
        Set<Dimension> dimensions = new LinkedHashSet<>();
        report.dimensions().forEach(d -> dimensions.add(d.dimension()));
        report.filters().forEach(f -> dimensions.addAll(MetricTrees.dimensions(f)));
        for (Aggregate aggregate : aggregatesOf(dataset)) {
            dimensions.addAll(AggregateDimensions.of(model, aggregate));
        }
        Map<String, Join> joins = new LinkedHashMap<>();
        dimensions.forEach(d -> addPath(dataset, d, joins));
        return joins;
    }

    /** Adds the joins from the dataset to the node holding {@code dimension} (none for its own). */
    private void addPath(String dataset, Dimension dimension, Map<String, Join> joins) {
        dimension.node().filter(node -> !node.equals(dataset)).ifPresent(node -> {
            for (Join join : model.graph().path(dataset, node).orElseThrow()) {
                joins.putIfAbsent(join.to(), join);
            }
        });
    }

    /** {@code time >= ? AND time < ?} on the bare time column; instants for timestamp columns. */
    private List<SqlExpr> timeRange(Dataset dataset, String factAlias, TimeRange range) {
        List<SqlExpr> bounds = new ArrayList<>();
        Column column = new Column(factAlias, dataset.timeColumn());
        if (range.from() != null) {
            bounds.add(new Binary(Operator.GE, column, bound(dataset, range.from())));
        }
        if (range.to() != null) {
            bounds.add(new Binary(Operator.LT, column, bound(dataset, range.to())));
        }
        return bounds;
    }

    private Bind bound(Dataset dataset, LocalDate day) {
        if (dataset.timeType() == ColumnType.DATE) {
            return new Bind(new BindValue(day, BindType.DATE));
        }
        // The instant the day starts in the report's zone, written in UTC: PostgreSQL refuses
        // offsets beyond 15:59 in a timestamptz literal, which Java's zones allow (up to 18:00).
        return new Bind(new BindValue(day.atTime(LocalTime.MIDNIGHT).atZone(report.zone()).toInstant()
                .atOffset(ZoneOffset.UTC), BindType.TIMESTAMPTZ));
    }
}
