package io.quarry.planner.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarry.ql.QueryLanguageException;
import io.quarry.ql.ReportParser;
import io.quarry.ql.ast.Expression;
import io.quarry.ql.ast.FieldRef;
import io.quarry.ql.ast.FunctionCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the model's {@code rollups} section: each names its dataset, a grain, the
 * fact columns it keeps and its measures (aggregates over fact columns that re-aggregate).
 */
final class RollupReader {

    private static final Set<Aggregation> MEASURABLE = Set.of(Aggregation.SUM, Aggregation.COUNT, Aggregation.MIN,
            Aggregation.MAX, Aggregation.APPROX_DISTINCT);

    private final ReportParser parser = new ReportParser();
    private final String distributionColumn;
    private final Map<String, Table> tables;
    private final Map<String, Dataset> datasets;
    private final List<String> problems;

    RollupReader(String distributionColumn, Map<String, Table> tables, Map<String, Dataset> datasets,
                 List<String> problems) {
        this.distributionColumn = distributionColumn;
        this.tables = tables;
        this.datasets = datasets;
        this.problems = problems;
    }

    Rollup read(String name, JsonNode node) {
        String where = "rollup " + name;
        if (!node.isObject()) {
            problems.add(where + " must be a mapping");
            return null;
        }
        List<String> known = List.of("dataset", "grain", "keys", "measures", "description");
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                problems.add(where + ": unknown field '" + field + "' (expected one of " + String.join(", ", known) + ")");
            }
        });
        if (tables.containsKey(name)) {
            problems.add(where + ": its table would be named like the model's table " + name);
        }
        Dataset dataset = datasets.get(node.path("dataset").asText(""));
        Table facts = dataset == null ? null : tables.get(dataset.table());
        if (facts == null) {
            problems.add(where + ": dataset must name one of the model's datasets");
            return null;
        }
        RollupGrain grain = grain(where, node, dataset);
        List<String> keys = new ArrayList<>();
        Set<String> columns = new HashSet<>(List.of(distributionColumn, dataset.timeColumn()));
        if (!node.path("keys").isArray()) {
            problems.add(where + ": keys must list the fact columns it keeps (may be empty)");
        }
        node.path("keys").forEach(key -> {
            String column = key.asText();
            if (facts.column(column).isEmpty()) {
                problems.add(where + ": key '" + column + "' is not a column of " + facts.name());
            } else if (!columns.add(column)) {
                problems.add(where + ": key '" + column + "' is kept anyway (the distribution and time columns are)"
                        + " or listed twice");
            } else {
                keys.add(column);
            }
        });
        List<Rollup.Measure> measures = new ArrayList<>();
        JsonNode measureNode = node.path("measures");
        if (!measureNode.isObject() || measureNode.isEmpty()) {
            problems.add(where + ": measures must map column names to aggregates, e.g. clicks: sum(clicks)");
        } else {
            measureNode.fields().forEachRemaining(m -> {
                if (!columns.add(m.getKey())) {
                    problems.add(where + ": measure column '" + m.getKey() + "' is also a key or time column");
                }
                measure(where + " measure " + m.getKey(), m.getKey(), m.getValue().asText(), facts)
                        .ifPresent(measures::add);
            });
        }
        return grain == null ? null : new Rollup(name, dataset.name(), grain, keys, measures);
    }

    private RollupGrain grain(String where, JsonNode node, Dataset dataset) {
        try {
            RollupGrain grain = RollupGrain.parse(node.path("grain").asText(""));
            if (grain == RollupGrain.HOUR && dataset.timeType() == ColumnType.DATE) {
                problems.add(where + ": grain hour needs a timestamp time column; " + dataset.name() + "."
                        + dataset.timeColumn() + " is a date");
                return null;
            }
            return grain;
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
    }

    private Optional<Rollup.Measure> measure(String where, String column, String text, Table facts) {
        Expression expression;
        try {
            expression = parser.parseExpression(text);
        } catch (QueryLanguageException e) {
            problems.add(where + ": " + e.getMessage());
            return Optional.empty();
        }
        Aggregation aggregation = expression instanceof FunctionCall call && !call.distinct()
                ? Aggregation.find(call.name()).filter(MEASURABLE::contains).orElse(null) : null;
        if (aggregation == null) {
            problems.add(where + ": '" + text + "' must be sum(x), count(*), min(x), max(x) or approx_distinct(x),"
                    + " which re-aggregate");
            return Optional.empty();
        }
        FunctionCall call = (FunctionCall) expression;
        if (aggregation == Aggregation.COUNT ? !call.star() : call.arguments().size() != 1) {
            problems.add(where + ": '" + text + "' takes " + (aggregation == Aggregation.COUNT ? "*" : "one argument"));
            return Optional.empty();
        }
        Optional<Expression> argument = call.arguments().stream().findFirst();
        List<ColumnType> types = new ArrayList<>();
        for (FieldRef ref : argument.map(ExpressionTrees::fieldRefs).orElse(List.of())) {
            Optional<ColumnType> type = ref.path().size() == 1 ? facts.column(ref.path().get(0)) : Optional.empty();
            if (type.isEmpty()) {
                problems.add(where + ": '" + ref.dotted() + "' is not a column of " + facts.name());
                return Optional.empty();
            }
            types.add(type.get());
        }
        ColumnType type = switch (aggregation) {
            case COUNT, APPROX_DISTINCT -> ColumnType.INTEGER;
            case MIN, MAX -> argument.get() instanceof FieldRef ? types.get(0) : ColumnType.DECIMAL;
            default -> types.stream().allMatch(t -> t == ColumnType.INTEGER) ? ColumnType.INTEGER : ColumnType.DECIMAL;
        };
        return Optional.of(new Rollup.Measure(column, aggregation, argument, type));
    }
}
