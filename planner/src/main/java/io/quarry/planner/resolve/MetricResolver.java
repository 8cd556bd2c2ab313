package io.quarry.planner.resolve;

import io.quarry.planner.model.Aggregation;
import io.quarry.planner.model.ColumnType;
import io.quarry.planner.model.Dimension;
import io.quarry.planner.model.ExpressionTrees;
import io.quarry.planner.model.Metric;
import io.quarry.planner.model.SemanticModel;
import io.quarry.planner.model.Table;
import io.quarry.planner.resolve.MetricTree.Aggregate;
import io.quarry.planner.resolve.MetricTree.FactExpression;
import io.quarry.ql.ast.Arithmetic;
import io.quarry.ql.ast.DecimalLiteral;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.FunctionCall;
import io.quarry.ql.ast.IntegerLiteral;
import io.quarry.ql.ast.Negative;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves metric names and inline metric expressions ({@code sum(spend) / nullif(sum(clicks), 0)})
 * into {@link MetricTree}s. Outside an aggregate a name is a metric; inside one it is a dimension
 * or a column of the dataset's table (a dimension wins: {@code sum(CASE WHEN ad.format = 'VIDEO'
 * THEN spend ELSE 0 END)} reads the ad's format and the fact's spend). An aggregate inside an aggregate, or a bare column outside one,
 * is an error.
 */
final class MetricResolver {

    private static final Map<String, Aggregation> AGGREGATES = Map.of(
            "sum", Aggregation.SUM, "avg", Aggregation.AVG, "min", Aggregation.MIN, "max", Aggregation.MAX,
            "count", Aggregation.COUNT);

    private final SemanticModel model;
    private final Optional<String> defaultDataset;

    MetricResolver(SemanticModel model, Optional<String> defaultDataset) {
        this.model = model;
        this.defaultDataset = defaultDataset;
    }

    /** Whether an expression is a metric (a metric name, or contains an aggregate). */
    boolean isMetric(Expression expression) {
        if (expression instanceof FieldRef ref) {
            return model.metrics().containsKey(ref.dotted());
        }
        if (expression instanceof FunctionCall f && AGGREGATES.containsKey(f.name())) {
            return true;
        }
        return ExpressionTrees.children(expression).stream().anyMatch(this::isMetric);
    }

    MetricTree resolve(Expression expression) {
        if (expression instanceof FieldRef ref) {
            Metric metric = model.metrics().get(ref.dotted());
            if (metric == null) {
                throw unknown(ref);
            }
            return expand(metric, ref);
        } else if (expression instanceof IntegerLiteral i) {
            return new MetricTree.Number(BigDecimal.valueOf(i.value()));
        } else if (expression instanceof DecimalLiteral d) {
            ValueResolver.requireDigits(d.value(), d);
            return new MetricTree.Number(d.value());
        } else if (expression instanceof Negative n) {
            return new MetricTree.Negative(number("a negation needs a number", n.operand()));
        } else if (expression instanceof Arithmetic a) {
            return new MetricTree.Arithmetic(a.operator(), number("arithmetic needs numbers", a.left()),
                    number("arithmetic needs numbers", a.right()));
        } else if (expression instanceof FunctionCall f) {
            if (AGGREGATES.containsKey(f.name())) {
                return aggregate(f);
            }
            if (Functions.OVER_METRICS.contains(f.name()) && !f.star() && !f.distinct()) {
                List<MetricTree> arguments = f.arguments().stream().map(this::resolve).toList();
                Functions.check(f, arguments.stream().map(MetricTrees::type).toList());
                return new MetricTree.Function(f.name(), arguments);
            }
            throw new PlanningException(PlanningError.UNKNOWN_FUNCTION, "unknown function " + f.name()
                    + "() in a metric; use sum, count, avg, min, max, "
                    + String.join(", ", Functions.OVER_METRICS.stream().sorted().toList()),
                    f.location(), Suggestions.closest(f.name(), metricFunctions()));
        }
        throw new PlanningException(PlanningError.AGGREGATE_MISUSE,
                "a metric is a metric name, an aggregate such as sum(spend), or arithmetic over them",
                expression.location());
    }

    private static List<String> metricFunctions() {
        List<String> names = new ArrayList<>(AGGREGATES.keySet());
        names.addAll(Functions.OVER_METRICS);
        return names;
    }

    private MetricTree number(String what, Expression expression) {
        MetricTree tree = resolve(expression);
        Types.requireNumber(what, MetricTrees.type(tree), expression);
        return tree;
    }

    /**
     * A model metric, derived metrics expanded into their formulas; a metric the model defines
     * over a column it cannot aggregate is refused where the report names it.
     */
    private MetricTree expand(Metric metric, FieldRef ref) {
        if (metric.isDerived()) {
            return resolve(metric.derived().orElseThrow());
        }
        String dataset = metric.dataset().orElseThrow();
        Aggregation aggregation = metric.aggregation().orElseThrow();
        Optional<Expression> column = metric.column();
        try {
            ColumnType type = column.isEmpty() ? ColumnType.INTEGER
                    : type(aggregation, RowTypes.of(model, model.tableOf(dataset)).type(column.get()), column.get());
            return new Aggregate(dataset, aggregation, column.map(FactExpression::new), type);
        } catch (PlanningException e) {
            throw new PlanningException(e.code(), "the model's metric " + metric.name() + " cannot be computed: "
                    + e.detail(), ref.location());
        }
    }

    /** The type of an aggregate's values, refusing an argument it cannot aggregate. */
    private static ColumnType type(Aggregation aggregation, ColumnType argument, Expression where) {
        String name = aggregation == Aggregation.COUNT_DISTINCT || aggregation == Aggregation.APPROX_DISTINCT
                ? "count" : aggregation.name().toLowerCase(Locale.ROOT);
        return switch (aggregation) {
            case COUNT, COUNT_DISTINCT, APPROX_DISTINCT -> ColumnType.INTEGER;
            case SUM, AVG -> {
                if (argument == null || !argument.numeric()) {
                    throw new PlanningException(PlanningError.TYPE_MISMATCH, name + "() needs a number, not "
                            + Types.label(argument), where.location());
                }
                yield ColumnType.DECIMAL;
            }
            case MIN, MAX -> {
                if (argument == null || argument == ColumnType.BOOLEAN) {
                    throw new PlanningException(PlanningError.TYPE_MISMATCH, name + "() needs a number, string, date"
                            + " or timestamp, not " + Types.label(argument), where.location());
                }
                yield argument;
            }
        };
    }

    private MetricTree aggregate(FunctionCall call) {
        Aggregation aggregation = AGGREGATES.get(call.name());
        if (call.star()) {
            if (aggregation != Aggregation.COUNT) {
                throw new PlanningException(PlanningError.AGGREGATE_MISUSE, call.name() + "(*) is not an aggregate; "
                        + "only count(*) is", call.location());
            }
            return new Aggregate(datasetFor(call, List.of()), Aggregation.COUNT, Optional.empty(), ColumnType.INTEGER);
        }
        if (call.arguments().size() != 1) {
            throw new PlanningException(PlanningError.AGGREGATE_MISUSE, call.name() + "() takes one argument",
                    call.location());
        }
        Expression argument = call.arguments().get(0);
        if (isAggregateInside(argument)) {
            throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "an aggregate cannot contain another aggregate",
                    argument.location());
        }
        if (call.distinct()) {
            if (aggregation != Aggregation.COUNT) {
                throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "DISTINCT is supported in count() only",
                        call.location());
            }
            aggregation = Aggregation.COUNT_DISTINCT;
        }
        if (argument instanceof FieldRef ref && model.dimensions().containsKey(ref.dotted())) {
            Dimension dimension = model.dimensions().get(ref.dotted());
            if (dimension.time()) {
                throw new PlanningException(PlanningError.AGGREGATE_MISUSE, "the time dimension cannot be aggregated",
                        ref.location());
            }
            return new Aggregate(datasetFor(call, List.of()), aggregation,
                    Optional.of(new MetricTree.DimensionValue(dimension)), type(aggregation, dimension.type(), ref));
        }
        List<FieldRef> columns = ExpressionTrees.fieldRefs(argument).stream()
                .filter(ref -> !model.dimensions().containsKey(ref.dotted())).toList();
        String dataset = datasetFor(call, columns);
        Table table = model.tableOf(dataset);
        for (FieldRef column : columns) {
            if (column.path().size() != 1 || table.column(column.path().get(0)).isEmpty()) {
                List<String> known = new ArrayList<>(table.columns().keySet());
                known.addAll(model.dimensions().keySet());
                throw new PlanningException(PlanningError.UNKNOWN_FIELD, "unknown column '" + column.dotted()
                        + "' of dataset " + dataset, column.location(), Suggestions.closest(column.dotted(), known));
            }
        }
        ColumnType type = type(aggregation, RowTypes.of(model, table).type(argument), argument);
        return new Aggregate(dataset, aggregation, Optional.of(new FactExpression(argument)), type);
    }

    /** The dataset an inline aggregate reads: FROM, else the one whose table has the columns. */
    private String datasetFor(FunctionCall call, List<FieldRef> columns) {
        if (defaultDataset.isPresent()) {
            return defaultDataset.get();
        }
        List<String> candidates = model.datasets().stream()
                .filter(d -> columns.stream().allMatch(c -> model.tableOf(d.name()).column(c.dotted()).isPresent()))
                .map(d -> d.name()).sorted().toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Optional<FieldRef> unknown = columns.stream().filter(c -> model.datasets().stream()
                .noneMatch(d -> model.tableOf(d.name()).column(c.dotted()).isPresent())).findFirst();
        if (unknown.isPresent()) {
            throw unknownColumn(unknown.get());
        }
        throw new PlanningException(PlanningError.AMBIGUOUS_DATASET, "cannot tell which dataset "
                + call.name() + "(...) aggregates (" + (candidates.isEmpty() ? "no dataset has all of those columns"
                : "candidates: " + String.join(", ", candidates)) + "); name it with FROM", call.location());
    }

    private boolean isAggregateInside(Expression expression) {
        if (expression instanceof FunctionCall f && AGGREGATES.containsKey(f.name())) {
            return true;
        }
        return ExpressionTrees.children(expression).stream().anyMatch(this::isAggregateInside);
    }

    /** A column no dataset's table has: misspelt, not an unclear dataset. */
    private PlanningException unknownColumn(FieldRef unknown) {
        List<String> known = new ArrayList<>();
        model.datasets().forEach(d -> known.addAll(model.tableOf(d.name()).columns().keySet()));
        known.addAll(model.dimensions().keySet());
        return new PlanningException(PlanningError.UNKNOWN_FIELD, "unknown column '" + unknown.dotted()
                + "': no dataset has it", unknown.location(), Suggestions.closest(unknown.dotted(), known));
    }

    private PlanningException unknown(FieldRef ref) {
        List<String> known = new ArrayList<>(model.metrics().keySet());
        known.addAll(model.dimensions().keySet());
        return new PlanningException(PlanningError.UNKNOWN_FIELD, "unknown metric '" + ref.dotted() + "'",
                ref.location(), Suggestions.closest(ref.dotted(), known));
    }
}
